using Screening.Domain.Codes;
namespace Screening.Interop;

/// <summary>
/// One unit of input that could not be used, with a stable reason code (<see cref="RejectReasons"/>), a
/// human-readable detail, the place it failed (HL7 <c>OBX[2]-6</c>, JSON path, <c>line 12</c>) and the raw unit
/// (whole message, line or resource) so it can be stored and replayed. The payload is PHI: store it, never log it.
/// </summary>
public sealed record InputReject(string ReasonCode, string Detail, string Location, string Payload);

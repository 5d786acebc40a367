namespace Screening.Interop.Mllp;

/// <summary>
/// One ERR segment: an HL7 table 0357 message error condition code and its name (ERR-3), the severity (ERR-4,
/// table 0516: E error, W warning, I information), where it is (ERR-2, e.g. <c>MSH-12</c>, empty when unknown) and a
/// human-readable text for the sender's operators (ERR-8). Built from a reject by <see cref="AckErrors"/>.
/// </summary>
public sealed record AckError(string Code, string CodeText, string Location, string Text, string Severity = "E");

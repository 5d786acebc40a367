namespace Screening.Contracts;

/// <summary>
/// Input a reader could not use, carried inside a <see cref="ClinicalRecordsReported"/> batch (e.g. a bad line of an
/// imported file) so the worker stores it in the reject store with the batch: nothing read is ever dropped.
/// <see cref="Payload"/> is the raw unit (message, resource, line) and is PHI: stored, never logged.
/// </summary>
public sealed record ReportedReject
{
    /// <summary>A reject reason code (unparseable, unmapped-code, unknown-unit, …).</summary>
    public required string ReasonCode { get; init; }
    public string Detail { get; init; } = "";
    /// <summary>Where in the payload it failed (OBX[2]-6, $.entry[3].resource.status, line 12: $.value).</summary>
    public string Location { get; init; } = "";
    public string Payload { get; init; } = "";
}

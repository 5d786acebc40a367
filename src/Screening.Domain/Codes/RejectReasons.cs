namespace Screening.Domain.Codes;

/// <summary>
/// The reject reason codes every reader, the ingest and the domain's plausibility check use (exact strings, stored
/// and counted; clinical-rules §9.1 "Plausibility", §6.5).
/// </summary>
public static class RejectReasons
{
    public const string Unparseable = "unparseable";
    public const string UnsupportedMessage = "unsupported-message";
    public const string UnknownPatientId = "unknown-patient-id";
    public const string UnmappedCode = "unmapped-code";
    public const string UnknownUnit = "unknown-unit";
    public const string ImplausibleValue = "implausible-value";
    public const string MissingValue = "missing-value";
    public const string MissingCollectionTime = "missing-collection-time";
    public const string FutureDate = "future-date";
    public const string InvalidStatus = "invalid-status";
    public const string InvalidEncounterClass = "invalid-encounter-class";
    public const string MissingField = "missing-field";
}

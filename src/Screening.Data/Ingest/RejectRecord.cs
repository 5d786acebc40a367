namespace Screening.Data.Ingest;

/// <summary>Input that could not be used: a reason code, a human-readable detail, where, and the raw payload.</summary>
public sealed record RejectRecord(string ReasonCode, string Detail, string Location, string Payload);

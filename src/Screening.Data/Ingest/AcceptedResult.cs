namespace Screening.Data.Ingest;

/// <summary>A validated result ready to store: value as reported and in the analyte's canonical unit.</summary>
public sealed record AcceptedResult(
    string PatientId,
    string SourceSystem,
    string ResultId,
    string Loinc,
    string Analyte,
    decimal? Value,
    string? Unit,
    decimal? CanonicalValue,
    string? CanonicalUnit,
    DateTimeOffset CollectedAt,
    string Status,
    string EncounterClass,
    decimal? ReferenceLow,
    decimal? ReferenceHigh,
    string? PatientSystem = null)
{
    /// <summary>The result as reported (for an identity reject's payload).</summary>
    public Contracts.LabResultReported? Reported { get; init; }

    /// <summary>The calendar day as written in the collection timestamp (its own offset, no time-zone shift).</summary>
    public DateOnly CollectedOn => DateOnly.FromDateTime(CollectedAt.DateTime);

    /// <summary>Identity of the content: a repeat of the same content is a duplicate, anything else a new version.</summary>
    public string ContentHash()
    {
        var text = string.Join('|', PatientId, Loinc, Value?.ToString(System.Globalization.CultureInfo.InvariantCulture), Unit,
            CollectedAt.ToString("O"), Status, EncounterClass,
            ReferenceLow?.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ReferenceHigh?.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)))[..32];
    }
}

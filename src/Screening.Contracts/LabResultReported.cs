namespace Screening.Contracts;

/// <summary>
/// A laboratory result as a source system reported it (one observation). Identity is
/// (<see cref="SourceSystem"/>, <see cref="ResultId"/>): a later message with the same identity is a new
/// version of the same result (correction, amendment or retraction), a repeat of the same content is a duplicate.
/// Field names and statuses: clinical-rules §6–§7. Raw JSON producers publish this shape in camelCase.
/// </summary>
public sealed record LabResultReported
{
    public string SourceSystem { get; init; } = "default";
    public required string ResultId { get; init; }
    public required string PatientId { get; init; }
    /// <summary>Issuing system of <see cref="PatientId"/>; null = the feed's default system (docs/identity.md).</summary>
    public string? PatientSystem { get; init; }
    /// <summary>LOINC code, or a local code of <see cref="SourceSystem"/> when <see cref="CodeSystem"/> is "local".</summary>
    public required string Loinc { get; init; }
    public string CodeSystem { get; init; } = "loinc";
    public decimal? Value { get; init; }
    public string? Unit { get; init; }
    /// <summary>Specimen collection time with its own offset; the calendar day is read from it as written.</summary>
    public DateTimeOffset? CollectedAt { get; init; }
    /// <summary>final | amended | corrected | preliminary | cancelled | entered-in-error | registered | unknown.</summary>
    public string Status { get; init; } = "final";
    /// <summary>outpatient | inpatient | emergency | dialysis; absent means outpatient.</summary>
    public string? EncounterClass { get; init; }
    public decimal? ReferenceLow { get; init; }
    public decimal? ReferenceHigh { get; init; }
}

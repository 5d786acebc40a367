namespace Screening.Data.Model;

/// <summary>Row of <c>lab_result</c>: one version of one result identity; <see cref="IsCurrent"/> marks the last.</summary>
public sealed class LabResult
{
    public long Id { get; set; }
    public long PatientKey { get; set; }
    public required string SourceSystem { get; set; }
    public required string ResultId { get; set; }
    public int Version { get; set; }
    public required string ContentHash { get; set; }
    public required string Loinc { get; set; }
    public required string Analyte { get; set; }
    public decimal? Value { get; set; }
    public string? Unit { get; set; }
    public decimal? CanonicalValue { get; set; }
    public string? CanonicalUnit { get; set; }
    public DateTimeOffset CollectedAt { get; set; }
    public DateOnly CollectedOn { get; set; }
    public required string Status { get; set; }
    public string EncounterClass { get; set; } = "outpatient";
    public decimal? ReferenceLow { get; set; }
    public decimal? ReferenceHigh { get; set; }
    public bool IsCurrent { get; set; }
    public DateTimeOffset ReceivedAt { get; set; }
}

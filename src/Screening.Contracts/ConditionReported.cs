namespace Screening.Contracts;

/// <summary>A diagnosis on the patient's problem list (ICD-10-CM or SNOMED CT), with onset and abatement.</summary>
public sealed record ConditionReported
{
    public string SourceSystem { get; init; } = "default";
    public required string PatientId { get; init; }
    /// <summary>Issuing system of <see cref="PatientId"/>; null = the feed's default system (docs/identity.md).</summary>
    public string? PatientSystem { get; init; }
    public required string Code { get; init; }
    /// <summary>icd10 | snomed.</summary>
    public string System { get; init; } = "icd10";
    public DateOnly? Onset { get; init; }
    public DateOnly? Abatement { get; init; }
}

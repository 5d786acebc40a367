namespace Screening.Contracts;

/// <summary>
/// A source says two records are one person: the <see cref="Retired"/> patient is merged into the
/// <see cref="Survivor"/> (HL7 ADT^A40 MRG-1 → PID-3, FHIR <c>Patient.link</c> type <c>replaced-by</c>).
/// </summary>
public sealed record PatientMergeReported
{
    public string SourceSystem { get; init; } = "default";
    public required PatientIdentifierReported Retired { get; init; }
    public required PatientIdentifierReported Survivor { get; init; }
}

namespace Screening.Contracts;

/// <summary>
/// Many facts in one message (an import batch, an ORU panel, a FHIR Bundle): processed as one unit of work,
/// so bulk paths write once per message instead of once per result. Each item keeps its own identity.
/// </summary>
public sealed record ClinicalRecordsReported
{
    /// <summary>Stable id of this batch (e.g. file + line range), used for logs and dedupe of the whole batch.</summary>
    public required string BatchId { get; init; }
    public IReadOnlyList<PatientUpdated> Patients { get; init; } = [];
    public IReadOnlyList<LabResultReported> Results { get; init; } = [];
    public IReadOnlyList<ConditionReported> Conditions { get; init; } = [];
    public IReadOnlyList<ProcedureReported> Procedures { get; init; } = [];
}

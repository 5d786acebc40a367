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
    /// <summary>Patient merges the source reported (ADT^A40, FHIR Patient.link replaced-by).</summary>
    public IReadOnlyList<PatientMergeReported> Merges { get; init; } = [];
    /// <summary>What the batch was read from (hl7v2 | fhir | ndjson | csv | synthea | json): stored with each reject so
    /// <c>screening rejects replay</c> knows which reader to use. Absent means json.</summary>
    public string? Format { get; init; }
    /// <summary>Input the reader already rejected (optional): stored with the batch, in the same transaction.</summary>
    public IReadOnlyList<ReportedReject> Rejects { get; init; } = [];
    /// <summary>Units the reader deliberately ignored (counted in the batch summary).</summary>
    public int Ignored { get; init; }
}

using Screening.Contracts;

namespace Screening.Interop;

/// <summary>
/// What one reader call produced: facts as contract records, rejects with reasons, and how many units were
/// deliberately ignored (non-target analytes, non-numeric observations, ADT events we do not use).
/// </summary>
public sealed record ReadOutcome
{
    public IReadOnlyList<PatientUpdated> Patients { get; init; } = [];
    public IReadOnlyList<LabResultReported> Results { get; init; } = [];
    public IReadOnlyList<ConditionReported> Conditions { get; init; } = [];
    public IReadOnlyList<ProcedureReported> Procedures { get; init; } = [];
    public IReadOnlyList<InputReject> Rejects { get; init; } = [];
    public IReadOnlyList<PatientMergeReported> Merges { get; init; } = [];
    public int Ignored { get; init; }

    public static ReadOutcome Empty { get; } = new();

    public static ReadOutcome Rejected(string reason, string detail, string location, string payload)
        => new() { Rejects = [new InputReject(reason, detail, location, payload)] };

    /// <summary>The facts as one bus message (rejects and the ignored count are not part of it).</summary>
    public ClinicalRecordsReported ToRecords(string batchId) => new()
    {
        BatchId = batchId,
        Patients = Patients,
        Results = Results,
        Conditions = Conditions,
        Procedures = Procedures,
        Merges = Merges,
    };
}

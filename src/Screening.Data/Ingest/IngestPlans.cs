using Npgsql;

namespace Screening.Data.Ingest;

/// <summary>
/// Every ingest statement looks up one batch (at most a few thousand keys) in tables of millions, so the only sensible
/// plan is index probes (nested loops over index scans). During a backfill the tables outgrow autovacuum's statistics
/// and the planner then chose sequential scans of <c>lab_result</c> (a merge join over a sorted scan to retire current
/// versions; a hashed <c>= ANY</c> filter to load records): 296 scans reading 40M rows in a 1M-patient backfill, 850
/// scans of 250M rows in a 100k one on a busy machine. The ingest transaction alone plans with sequential scans, merge
/// and hash joins switched off (<c>SET LOCAL</c>); every other session plans as usual.
/// </summary>
internal static class IngestPlans
{
    public static async Task PinAsync(NpgsqlConnection connection, NpgsqlTransaction tx, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "SET LOCAL enable_seqscan = off; SET LOCAL enable_mergejoin = off; SET LOCAL enable_hashjoin = off", connection, tx);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

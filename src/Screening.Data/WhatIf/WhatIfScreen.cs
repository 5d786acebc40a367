using Npgsql;
using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.Domain.Rules;
using Screening.Domain.Screening;
using Screening.Domain.WhatIf;

namespace Screening.Data.WhatIf;

/// <summary>
/// Screens the live population with the active rules and with a candidate rule file, as of one date, and reports the
/// difference per rule — inside one <c>REPEATABLE READ</c>, <c>READ ONLY</c> transaction (one consistent snapshot;
/// PostgreSQL itself refuses any write), rolled back at the end: no task, run, state or audit row is written.
/// Patients are paged by key (memory holds one page plus the changes).
/// </summary>
public sealed class WhatIfScreen(NpgsqlDataSource dataSource, ActiveRules active)
{
    public int BatchSize { get; init; } = 2000;

    public async Task<WhatIfReport> RunAsync(RuleSet candidate, DateOnly asOf, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await ReadOnlySnapshot.BeginAsync(connection, ct);

        var tally = new WhatIfTally();
        var changes = new List<FindingChange>();
        long after = 0;
        while (true)
        {
            var keys = await PatientKeyPage.NextAsync(connection, tx, after, BatchSize, ct);
            if (keys.Length == 0) break;
            after = keys[^1];
            var records = await PatientRecordLoader.LoadRangeAsync(connection, tx, keys[0], keys[^1], ct);
            var pairs = new (PatientScreening Now, PatientScreening Candidate)[keys.Length];
            var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount };
            Parallel.For(0, keys.Length, parallel, i =>
            {
                if (!records.TryGetValue(keys[i], out var record)) return;
                pairs[i] = (Domain.Screening.Screen.Evaluate(record, active.Rules, asOf), Domain.Screening.Screen.Evaluate(record, candidate, asOf));
            });
            foreach (var (now, next) in pairs)
                if (now is not null) changes.AddRange(tally.Add(now, next));
        }
        await tx.RollbackAsync(ct);
        return new WhatIfReport(asOf, active.Version, candidate.Version, tally, changes);
    }
}

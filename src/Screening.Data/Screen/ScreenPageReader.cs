using Npgsql;
using Screening.Domain.Screening;
using Screening.Data.Platform;

namespace Screening.Data.Screen;

/// <summary>
/// Reads one keyset page for the screen: the stored outcomes that still hold on the as-of date (unless everyone is to
/// be re-evaluated), then the records of everyone else, evaluated by the pure rules on all cores.
/// </summary>
internal static class ScreenPageReader
{
    public static async Task<ScreenPage> ReadAsync(NpgsqlConnection connection, long[] keys, DateOnly asOf, ActiveRules rules,
        bool reevaluateAll, CancellationToken ct)
    {
        var reusable = reevaluateAll ? [] : await ReusableState.LoadRangeAsync(connection, keys[0], keys[^1], asOf, rules.Fingerprint, ct);
        var toEvaluate = keys.Where(k => !reusable.ContainsKey(k)).ToArray();
        // Mostly re-evaluating (a first screen, a new rule file): index range scans beat a probe per key.
        var loaded = toEvaluate.Length == 0 ? []
            : toEvaluate.Length * 2 >= keys.Length ? await PatientRecordLoader.LoadRangeAsync(connection, null, keys[0], keys[^1], ct)
            : await PatientRecordLoader.LoadAsync(connection, null, toEvaluate, ct);

        var evaluate = toEvaluate.Where(loaded.ContainsKey).ToArray();
        var evaluated = new ScreenPage.Evaluated[evaluate.Length];
        var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount };
        Parallel.For(0, evaluate.Length, parallel, i =>
        {
            var record = loaded[evaluate[i]];
            evaluated[i] = new ScreenPage.Evaluated(evaluate[i], record, Domain.Screening.Screen.Evaluate(record, rules.Rules, asOf));
        });
        var kept = keys.Where(reusable.ContainsKey).Select(k => new ScreenPage.Reused(k, reusable[k])).ToArray();
        return new ScreenPage(keys, evaluated, kept);
    }
}

using Npgsql;
using Screening.Data.Outreach;
using Screening.Domain.Results;
using Screening.Domain.Screening;

namespace Screening.Data.Screening;

/// <summary>
/// Writes one screen page in one transaction: decides every patient's task changes (pure, on all cores), writes the
/// re-evaluated patients' state, then opens, updates, reopens and closes tasks set-based, their content copied from
/// the stored state.
/// </summary>
internal static class ScreenPageWriter
{
    public static async Task WriteAsync(NpgsqlConnection connection, ScreenPage page, DateOnly asOf, long runId, ActiveRules rules,
        RunCounts counts, CancellationToken ct)
    {
        await using var tx = await connection.BeginTransactionAsync(ct);
        var withRetractions = page.Reevaluated.Where(e => e.Record.Results.Any(x => x.Status == ResultStatus.EnteredInError)).Select(e => e.Key).ToArray();
        var open = await TaskStore.LoadOpenRangeAsync(connection, tx, page.Keys[0], page.Keys[^1], [.. RuleIds.Nightly], withRetractions, ct);
        var quietDays = rules.Rules.Shared.WorkedTaskQuietDays;
        var decided = new List<BatchReconciliation.Change>?[page.Patients];
        Parallel.For(0, decided.Length, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
            decided[i] = i < page.Reevaluated.Length
                ? BatchReconciliation.Decide(page.Reevaluated[i].Key, page.Reevaluated[i].Record, page.Reevaluated[i].Screening, open, asOf, quietDays)
                : BatchReconciliation.Decide(page.Kept[i - page.Reevaluated.Length].Key, page.Kept[i - page.Reevaluated.Length].Outcomes, open, asOf, quietDays));
        var changes = new BatchReconciliation();
        foreach (var change in decided) changes.Add(change);

        await ConditionStateWriter.WriteAsync(connection, tx, page.Reevaluated.Select(e => (e.Key, e.Screening)).ToList(), rules, ct);
        var opened = await TaskStore.OpenFromStateAsync(connection, tx, changes.Open, runId, "screening", ct);
        await TaskStore.UpdateFromStateAsync(connection, tx, changes.Update, reopen: false, "screening", ct);
        await TaskStore.UpdateFromStateAsync(connection, tx, changes.Reopen, reopen: true, "screening", ct);
        var closed = await TaskStore.CloseAsync(connection, tx, changes.Close, "closed", "screening", ct);
        // Progress commits with the page: a run whose process dies keeps exactly the counts of the pages it wrote.
        await using (var progress = new NpgsqlCommand("""
            UPDATE screening_run SET patients_screened = patients_screened + $2, patients_evaluated = patients_evaluated + $3,
                   tasks_opened = tasks_opened + $4, tasks_updated = tasks_updated + $5, tasks_reopened = tasks_reopened + $6,
                   tasks_closed = tasks_closed + $7, progress_at = now()
            WHERE id = $1
            """, connection, tx))
        {
            foreach (var value in new long[] { runId, page.Patients, page.Reevaluated.Length, opened, changes.Update.Count, changes.Reopen.Count, closed })
                progress.Parameters.AddWithValue(value);
            await progress.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);

        lock (counts)
        {
            counts.Patients += page.Patients;
            counts.Evaluated += page.Reevaluated.Length;
            counts.Opened += opened;
            counts.Updated += changes.Update.Count;
            counts.Reopened += changes.Reopen.Count;
            counts.Closed += closed;
            foreach (var e in page.Reevaluated)
                foreach (var outcome in e.Screening.Outcomes)
                    if (outcome.Finding is not null) counts.Finding(outcome.Rule);
            foreach (var k in page.Kept)
                foreach (var outcome in k.Outcomes)
                    if (outcome.Kind == OutcomeKind.Met) counts.Finding(outcome.Rule);
        }
    }
}

using System.Diagnostics;
using System.Threading.Channels;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Screening.Data.Outreach;
using Screening.Domain.Results;
using Screening.Domain.Screening;

namespace Screening.Data.Screening;

/// <summary>
/// Screens the whole population for one as-of date and reconciles outreach tasks: streams patients in key order
/// in keyset pages (memory stays flat), loads and evaluates the next page on all cores while the previous page is
/// written, and per page opens, updates, reopens and closes tasks set-based in one transaction. Only one screen runs at a time per database (advisory lock); running it
/// twice for the same date changes nothing the second time. Shared by the nightly job, the CLI and the demo.
/// </summary>
public sealed class PopulationScreen(NpgsqlDataSource dataSource, ActiveRules rules, ILogger<PopulationScreen> logger)
{
    private const long LockKey = 0x53_43_52_4E_53_43_52_4E; // "SCRNSCRN"
    public int BatchSize { get; init; } = 2000;
    /// <summary>Pages read and evaluated ahead of the writer (bounds memory).</summary>
    public int PagesInFlight { get; init; } = 2;
    /// <summary>A progress line every this many patients.</summary>
    public int ProgressEvery { get; init; } = 100_000;

    public async Task<ScreeningRunResult> RunAsync(DateOnly asOf, string trigger, CancellationToken ct)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(ct);
        if (!await TryLockAsync(lockConnection, ct))
        {
            logger.LogWarning("Screen for {AsOf} not started: another screen is running", asOf);
            return ScreeningRunResult.Skipped(asOf, rules.Version);
        }
        var clock = Stopwatch.StartNew();
        var runId = await StartRunAsync(asOf, trigger, ct);
        var counts = new RunCounts();
        try
        {
            await ScreenPagesAsync(asOf, runId, counts, clock, ct);
            var result = counts.ToResult(runId, asOf, rules.Version, clock.Elapsed);
            await FinishRunAsync(result, null, ct);
            logger.LogInformation(
                "Screen {RunId} for {AsOf} done in {ElapsedMs} ms: {Patients} patients, {Opened} opened, {Updated} updated, {Reopened} reopened, {Closed} closed",
                runId, asOf, (long)clock.Elapsed.TotalMilliseconds, result.PatientsScreened, result.TasksOpened, result.TasksUpdated,
                result.TasksReopened, result.TasksClosed);
            return result;
        }
        catch (Exception ex)
        {
            await FinishRunAsync(counts.ToResult(runId, asOf, rules.Version, clock.Elapsed), ex.GetType().Name + ": " + ex.Message, CancellationToken.None);
            throw;
        }
        finally
        {
            await using var unlock = new NpgsqlCommand($"SELECT pg_advisory_unlock({LockKey})", lockConnection);
            await unlock.ExecuteNonQueryAsync(CancellationToken.None);
        }
    }

    /// <summary>One keyset page: its patients in key order, their records and their rule outcomes.</summary>
    private sealed record Page(long[] Keys, long[] Screened, PatientRecord[] Records, PatientScreening[] Screenings);

    /// <summary>
    /// A two-stage pipeline with a bounded hand-off (memory stays flat: at most <see cref="PagesInFlight"/> pages wait):
    /// a reader pages through patients by key range on its own connection, loads their records and evaluates the pure
    /// rules on all cores; meanwhile the writer reconciles the previous page's tasks and state in its own transaction.
    /// </summary>
    private async Task ScreenPagesAsync(DateOnly asOf, long runId, RunCounts counts, Stopwatch clock, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pages = Channel.CreateBounded<Page>(new BoundedChannelOptions(PagesInFlight) { SingleReader = true, SingleWriter = true });
        var reader = Task.Run(() => ReadPagesAsync(pages.Writer, asOf, stop.Token), stop.Token);
        try
        {
            var nextLog = ProgressEvery;
            await foreach (var page in pages.Reader.ReadAllAsync(stop.Token))
            {
                await WritePageAsync(page, asOf, runId, counts, stop.Token);
                if (counts.Patients >= nextLog)
                {
                    nextLog += ProgressEvery;
                    logger.LogInformation("Screen {RunId}: {Patients} patients screened ({Rate:0} patients/s)", runId, counts.Patients,
                        counts.Patients / Math.Max(clock.Elapsed.TotalSeconds, 0.001));
                }
            }
            await reader;
        }
        finally
        {
            await stop.CancelAsync();
            try { await reader; } catch (OperationCanceledException) { } catch when (ct.IsCancellationRequested) { }
        }
    }

    private async Task ReadPagesAsync(ChannelWriter<Page> pages, DateOnly asOf, CancellationToken ct)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            long after = 0;
            var parallel = new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount };
            while (true)
            {
                var keys = await NextKeysAsync(connection, after, ct);
                if (keys.Length == 0) break;
                after = keys[^1];
                var loaded = await PatientRecordLoader.LoadRangeAsync(connection, null, keys[0], keys[^1], ct);
                var screened = keys.Where(loaded.ContainsKey).ToArray();
                var records = screened.Select(k => loaded[k]).ToArray();
                var screenings = new PatientScreening[records.Length];
                Parallel.For(0, records.Length, parallel, i => screenings[i] = Screen.Evaluate(records[i], rules.Rules, asOf));
                await pages.WriteAsync(new Page(keys, screened, records, screenings), ct);
            }
            pages.Complete();
        }
        catch (Exception ex)
        {
            pages.Complete(ex);
        }
    }

    private async Task WritePageAsync(Page page, DateOnly asOf, long runId, RunCounts counts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var withRetractions = page.Screened.Where((_, i) => page.Records[i].Results.Any(x => x.Status == ResultStatus.EnteredInError)).ToArray();
        var open = await TaskStore.LoadOpenRangeAsync(connection, tx, page.Keys[0], page.Keys[^1], [.. RuleIds.Nightly], withRetractions, ct);
        var decided = new List<BatchReconciliation.Change>?[page.Screened.Length];
        Parallel.For(0, decided.Length, new ParallelOptions { CancellationToken = ct, MaxDegreeOfParallelism = Environment.ProcessorCount },
            i => decided[i] = BatchReconciliation.Decide(page.Screened[i], page.Records[i], page.Screenings[i], open, asOf));
        var changes = new BatchReconciliation();
        var screenings = new List<(long, PatientScreening)>(page.Screened.Length);
        for (var i = 0; i < page.Screened.Length; i++)
        {
            changes.Add(decided[i]);
            screenings.Add((page.Screened[i], page.Screenings[i]));
            foreach (var outcome in page.Screenings[i].Outcomes)
                if (outcome.Finding is not null) counts.Finding(outcome.Rule);
        }
        counts.Patients += page.Screened.Length;
        counts.Opened += await TaskStore.OpenAsync(connection, tx, changes.Open, runId, "queued", "screening", ct);
        await TaskStore.UpdateAsync(connection, tx, changes.Update, reopen: false, "screening", ct);
        await TaskStore.UpdateAsync(connection, tx, changes.Reopen, reopen: true, "screening", ct);
        counts.Updated += changes.Update.Count;
        counts.Reopened += changes.Reopen.Count;
        counts.Closed += await TaskStore.CloseAsync(connection, tx, changes.Close, "closed", "screening", ct);
        await ConditionStateWriter.WriteAsync(connection, tx, screenings, rules.Version, ct);
        await tx.CommitAsync(ct);
    }

    private async Task<long[]> NextKeysAsync(NpgsqlConnection connection, long after, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT patient_key FROM patient WHERE patient_key > $1 ORDER BY patient_key LIMIT $2", connection);
        cmd.Parameters.AddWithValue(after);
        cmd.Parameters.AddWithValue(BatchSize);
        var keys = new List<long>(BatchSize);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) keys.Add(reader.GetInt64(0));
        return [.. keys];
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task<long> StartRunAsync(DateOnly asOf, string trigger, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO screening_run (as_of, trigger, status, rule_version) VALUES ($1, $2, 'running', $3) RETURNING id");
        cmd.Parameters.AddWithValue(asOf);
        cmd.Parameters.AddWithValue(trigger);
        cmd.Parameters.AddWithValue(rules.Version);
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task FinishRunAsync(ScreeningRunResult r, string? error, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE screening_run SET status = $2, finished_at = now(), duration_ms = $3, patients_screened = $4,
                   findings = $5::jsonb, tasks_opened = $6, tasks_updated = $7, tasks_closed = $8, tasks_reopened = $9, error = $10
            WHERE id = $1
            """);
        cmd.Parameters.AddWithValue(r.RunId);
        cmd.Parameters.AddWithValue(error is null ? "succeeded" : "failed");
        cmd.Parameters.AddWithValue((long)r.Duration.TotalMilliseconds);
        cmd.Parameters.AddWithValue(r.PatientsScreened);
        cmd.Parameters.AddWithValue(JsonSerializer.Serialize(r.FindingsByRule));
        cmd.Parameters.AddWithValue(r.TasksOpened);
        cmd.Parameters.AddWithValue(r.TasksUpdated);
        cmd.Parameters.AddWithValue(r.TasksClosed);
        cmd.Parameters.AddWithValue(r.TasksReopened);
        cmd.Parameters.AddWithValue((object?)error ?? DBNull.Value);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

using System.Diagnostics;
using System.Threading.Channels;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Screening.Data.Screening;

/// <summary>
/// Screens the whole population for one as-of date and reconciles outreach tasks: streams patients in key order
/// in keyset pages (memory stays flat), loads and evaluates pages on all cores while earlier pages are being
/// written, and per page opens, updates, reopens and closes tasks set-based in one transaction. Only one screen runs
/// at a time per database (advisory lock); running it twice for the same date changes nothing the second time. Shared by the nightly job, the CLI and the demo.
/// </summary>
public sealed class PopulationScreen(NpgsqlDataSource dataSource, ActiveRules rules, ILogger<PopulationScreen> logger)
{
    private const long LockKey = 0x53_43_52_4E_53_43_52_4E; // "SCRNSCRN"
    public int BatchSize { get; init; } = 2000;
    /// <summary>Pages read and evaluated ahead of the writers (bounds memory).</summary>
    public int PagesInFlight { get; init; } = 2;
    /// <summary>Concurrent page readers (load + evaluate), each on its own connection.</summary>
    public int Readers { get; init; } = 2;
    /// <summary>Concurrent page writers (tasks + state), each with its own transaction per page.</summary>
    public int Writers { get; init; } = 2;
    /// <summary>A progress line every this many patients.</summary>
    public int ProgressEvery { get; init; } = 100_000;

    public Task<ScreeningRunResult> RunAsync(DateOnly asOf, string trigger, CancellationToken ct) => RunAsync(asOf, trigger, false, ct);

    /// <param name="reevaluateAll">Re-evaluate every patient instead of reusing stored outcomes that still hold (a check
    /// that the incremental screen and a full one agree; also what a screen does for patients screened under another
    /// rule file).</param>
    public async Task<ScreeningRunResult> RunAsync(DateOnly asOf, string trigger, bool reevaluateAll, CancellationToken ct)
    {
        await using var lockConnection = await dataSource.OpenConnectionAsync(ct);
        if (!await TryLockAsync(lockConnection, ct))
        {
            logger.LogWarning("Screen for {AsOf} not started: another screen is running", asOf);
            return ScreeningRunResult.Skipped(asOf, rules.Version);
        }
        var clock = Stopwatch.StartNew();
        await MarkAbandonedAsync(ct);
        var runId = await StartRunAsync(asOf, trigger, reevaluateAll, ct);
        var counts = new RunCounts();
        try
        {
            await ScreenPagesAsync(asOf, runId, reevaluateAll, counts, clock, ct);
            var result = counts.ToResult(runId, asOf, rules.Version, clock.Elapsed);
            await FinishRunAsync(result, null, ct);
            logger.LogInformation(
                "Screen {RunId} for {AsOf} done in {ElapsedMs} ms: {Patients} patients ({Evaluated} re-evaluated), {Opened} opened, {Updated} updated, {Reopened} reopened, {Closed} closed",
                runId, asOf, (long)clock.Elapsed.TotalMilliseconds, result.PatientsScreened, result.PatientsEvaluated, result.TasksOpened, result.TasksUpdated,
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

    /// <summary>
    /// A pipeline with bounded hand-offs (memory stays flat: a handful of pages in flight, whatever the population):
    /// one task pages through patient keys (keyset, in key order); <see cref="Readers"/> tasks each load a page's
    /// records by key range on their own connection and evaluate the pure rules on all cores; <see cref="Writers"/>
    /// tasks reconcile tasks and write state, one transaction per page. Pages hold disjoint patients, so they are
    /// written in any order without contending. The first failure cancels every stage and is rethrown.
    /// </summary>
    private async Task ScreenPagesAsync(DateOnly asOf, long runId, bool reevaluateAll, RunCounts counts, Stopwatch clock, CancellationToken ct)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var ranges = Channel.CreateBounded<long[]>(new BoundedChannelOptions(Math.Max(1, Readers)) { SingleWriter = true });
        var pages = Channel.CreateBounded<ScreenPage>(new BoundedChannelOptions(Math.Max(1, PagesInFlight)));
        var progress = new Progress(ProgressEvery);
        var keys = Stage(() => PageKeysAsync(ranges.Writer, stop.Token), stop);
        var readers = Enumerable.Range(0, Math.Max(1, Readers)).Select(_ => Stage(() => ReadPagesAsync(ranges.Reader, pages.Writer, asOf, reevaluateAll, stop.Token), stop)).ToArray();
        var readersDone = Task.WhenAll(readers).ContinueWith(t => pages.Writer.TryComplete(t.Exception?.GetBaseException()),
            CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        var writers = Enumerable.Range(0, Math.Max(1, Writers)).Select(_ => Stage(async () =>
        {
            await foreach (var page in pages.Reader.ReadAllAsync(stop.Token))
            {
                await using (var connection = await dataSource.OpenConnectionAsync(stop.Token))
                    await ScreenPageWriter.WriteAsync(connection, page, asOf, runId, rules, counts, stop.Token);
                if (progress.Due(counts) is { } screened)
                    logger.LogInformation("Screen {RunId}: {Patients} patients screened ({Rate:0} patients/s)", runId, screened,
                        screened / Math.Max(clock.Elapsed.TotalSeconds, 0.001));
            }
        }, stop)).ToArray();
        Task[] all = [keys, .. readers, readersDone, .. writers];
        try
        {
            await Task.WhenAll(all);
        }
        catch
        {
            // Report the root cause, not a stage that was merely cancelled because of it.
            var failure = all.Where(t => t.IsFaulted).SelectMany(t => t.Exception!.InnerExceptions)
                .FirstOrDefault(e => e is not OperationCanceledException and not ChannelClosedException);
            if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(failure);
            throw;
        }
    }

    /// <summary>Runs a stage; its failure cancels the others (so no stage waits forever on a dead neighbour).</summary>
    private static Task Stage(Func<Task> body, CancellationTokenSource stop) => Task.Run(async () =>
    {
        try { await body(); }
        catch { await stop.CancelAsync(); throw; }
    });

    private sealed class Progress(int every)
    {
        private long next = every;
        public int? Due(RunCounts counts)
        {
            lock (counts)
            {
                if (counts.Patients < next) return null;
                while (next <= counts.Patients) next += every;
                return counts.Patients;
            }
        }
    }

    private async Task PageKeysAsync(ChannelWriter<long[]> ranges, CancellationToken ct)
    {
        try
        {
            await using var connection = await dataSource.OpenConnectionAsync(ct);
            long after = 0;
            while (true)
            {
                var keys = await PatientKeyPage.NextAsync(connection, null, after, BatchSize, ct);
                if (keys.Length == 0) break;
                after = keys[^1];
                await ranges.WriteAsync(keys, ct);
            }
            ranges.Complete();
        }
        catch (Exception ex)
        {
            ranges.Complete(ex);
            throw;
        }
    }

    private async Task ReadPagesAsync(ChannelReader<long[]> ranges, ChannelWriter<ScreenPage> pages, DateOnly asOf, bool reevaluateAll,
        CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await foreach (var keys in ranges.ReadAllAsync(ct))
            await pages.WriteAsync(await ScreenPageReader.ReadAsync(connection, keys, asOf, rules, reevaluateAll, ct), ct);
    }

    private static async Task<bool> TryLockAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand($"SELECT pg_try_advisory_lock({LockKey})", connection);
        return (bool)(await cmd.ExecuteScalarAsync(ct))!;
    }

    /// <summary>
    /// Holding the screen lock (a session lock: it dies with its process), any run still <c>running</c> belongs to a
    /// process that died: it is marked <c>abandoned</c>, keeping the counts its committed pages reached.
    /// </summary>
    private async Task MarkAbandonedAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE screening_run SET status = 'abandoned', finished_at = coalesce(progress_at, started_at),
                   duration_ms = (extract(epoch FROM coalesce(progress_at, started_at) - started_at) * 1000)::bigint,
                   error = 'the process running this screen stopped before it finished'
            WHERE status = 'running' RETURNING id
            """);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) logger.LogWarning("Screen {RunId} was left running by a process that stopped: marked abandoned", reader.GetInt64(0));
    }

    private async Task<long> StartRunAsync(DateOnly asOf, string trigger, bool reevaluateAll, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO screening_run (as_of, trigger, status, rule_version, mode) VALUES ($1, $2, 'running', $3, $4) RETURNING id");
        cmd.Parameters.AddWithValue(asOf);
        cmd.Parameters.AddWithValue(trigger);
        cmd.Parameters.AddWithValue(rules.Version);
        cmd.Parameters.AddWithValue(reevaluateAll ? "full" : "incremental");
        return (long)(await cmd.ExecuteScalarAsync(ct))!;
    }

    private async Task FinishRunAsync(ScreeningRunResult r, string? error, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            UPDATE screening_run SET status = $2, finished_at = now(), duration_ms = $3, patients_screened = $4,
                   findings = $5::jsonb, tasks_opened = $6, tasks_updated = $7, tasks_closed = $8, tasks_reopened = $9, error = $10,
                   patients_evaluated = $11
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
        cmd.Parameters.AddWithValue(r.PatientsEvaluated);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

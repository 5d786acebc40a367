using System.Diagnostics;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using Screening.Data.Outreach;
using Screening.Domain.Screening;

namespace Screening.Data.Screening;

/// <summary>
/// Screens the whole population for one as-of date and reconciles outreach tasks: streams patients in key order
/// in batches (memory stays flat), evaluates the pure rules, and per batch opens, updates, reopens and closes
/// tasks set-based in one transaction. Only one screen runs at a time per database (advisory lock); running it
/// twice for the same date changes nothing the second time. Shared by the nightly job, the CLI and the demo.
/// </summary>
public sealed class PopulationScreen(NpgsqlDataSource dataSource, ActiveRules rules, ILogger<PopulationScreen> logger)
{
    private const long LockKey = 0x53_43_52_4E_53_43_52_4E; // "SCRNSCRN"
    public int BatchSize { get; init; } = 2000;

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
            long after = 0;
            while (true)
            {
                var keys = await NextKeysAsync(after, ct);
                if (keys.Length == 0) break;
                await ScreenBatchAsync(keys, asOf, runId, counts, ct);
                after = keys[^1];
                if (counts.Patients % (BatchSize * 50) < BatchSize)
                    logger.LogInformation("Screen {RunId}: {Patients} patients screened", runId, counts.Patients);
            }
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

    private async Task ScreenBatchAsync(long[] keys, DateOnly asOf, long runId, RunCounts counts, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var records = await PatientRecordLoader.LoadAsync(connection, tx, keys, ct);
        var open = await TaskStore.LoadOpenAsync(connection, tx, keys, [.. RuleIds.Nightly], ct);
        var changes = new BatchReconciliation();
        var screenings = new List<(long, PatientScreening)>(records.Count);
        foreach (var key in keys)
        {
            if (!records.TryGetValue(key, out var record)) continue;
            var screening = Screen.Evaluate(record, rules.Rules, asOf);
            screenings.Add((key, screening));
            foreach (var finding in screening.Findings) counts.Finding(finding.Rule);
            changes.Add(key, record, screening, open, asOf);
        }
        counts.Patients += records.Count;
        counts.Opened += await TaskStore.OpenAsync(connection, tx, changes.Open, runId, "queued", "screening", ct);
        await TaskStore.UpdateAsync(connection, tx, changes.Update, reopen: false, "screening", ct);
        await TaskStore.UpdateAsync(connection, tx, changes.Reopen, reopen: true, "screening", ct);
        counts.Updated += changes.Update.Count;
        counts.Reopened += changes.Reopen.Count;
        counts.Closed += await TaskStore.CloseAsync(connection, tx, changes.Close, "closed", "screening", ct);
        await ConditionStateWriter.WriteAsync(connection, tx, screenings, rules.Version, ct);
        await tx.CommitAsync(ct);
    }

    private async Task<long[]> NextKeysAsync(long after, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT patient_key FROM patient WHERE patient_key > $1 ORDER BY patient_key LIMIT $2");
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

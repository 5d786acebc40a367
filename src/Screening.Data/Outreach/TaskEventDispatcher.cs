using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Screening.Contracts;
using Screening.Data.Platform;

namespace Screening.Data.Outreach;

/// <summary>
/// Announces committed task events: claims unpublished outbox rows (SKIP LOCKED, so several dispatchers share the
/// work), publishes them with broker confirms, then marks them published in the same transaction. A crash between
/// publish and commit re-sends them: at-least-once, and consumers dedupe on the stable EventId.
/// </summary>
public sealed class TaskEventDispatcher(NpgsqlDataSource dataSource, ITaskEventPublisher publisher, ILogger<TaskEventDispatcher> logger)
{
    public int BatchSize { get; init; } = 500;

    /// <summary>
    /// How long one chunk of publishes may wait for its broker confirms. A broker killed mid-send can leave a publish
    /// waiting for a confirm that never comes; past this the batch's transaction rolls back (the rows stay unpublished)
    /// and the next round sends them again — at-least-once, deduplicated by EventId.
    /// </summary>
    public TimeSpan ConfirmTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Publishes everything pending; returns how many events were announced.</summary>
    public async Task<int> DispatchPendingAsync(CancellationToken ct)
    {
        var total = 0;
        while (true)
        {
            var sent = await DispatchBatchAsync(ct);
            total += sent;
            if (sent < BatchSize) break;
        }
        if (total > 0) logger.LogInformation("Announced {Count} outreach task events", total);
        return total;
    }

    private async Task<int> DispatchBatchAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var pending = new List<PendingEvent>();
        await using (var claim = new NpgsqlCommand("""
            SELECT e.id, e.kind, e.occurred_at, e.detail::text, t.id, t.patient_key, t.rule_id, t.care_team, t.priority, t.since,
                   t.due_date, t.rule_version, coalesce(t.close_reason, '')
            FROM outreach_task_event e JOIN outreach_task t ON t.id = e.task_id
            WHERE e.publish AND e.published_at IS NULL
            ORDER BY e.id LIMIT $1
            FOR UPDATE OF e SKIP LOCKED
            """, connection, tx))
        {
            claim.Parameters.AddWithValue(BatchSize);
            await using var r = await claim.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                pending.Add(new PendingEvent(r.GetInt64(0), r.GetString(1), r.GetFieldValue<DateTimeOffset>(2), r.GetString(3), r.GetInt64(4),
                    r.GetInt64(5), r.GetString(6), r.GetString(7), r.GetString(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9),
                    r.IsDBNull(10) ? null : r.GetFieldValue<DateOnly>(10), r.GetString(11), r.GetString(12)));
        }
        if (pending.Count == 0) return 0;

        foreach (var chunk in pending.Chunk(64))
            await Task.WhenAll(chunk.Select(e => PublishAsync(e, ct))).WaitAsync(ConfirmTimeout, ct);

        await using (var mark = new NpgsqlCommand("UPDATE outreach_task_event SET published_at = now() WHERE id = ANY($1)", connection, tx))
        {
            mark.Parameters.Add(SqlArray.Of(pending.Select(p => p.EventId).ToArray(), NpgsqlDbType.Bigint));
            await mark.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
        return pending.Count;
    }

    private Task PublishAsync(PendingEvent e, CancellationToken ct)
    {
        switch (e.Kind)
        {
            case "closed":
                var reason = TaskEventDetails.Read<TaskClosedDetail>(e.Detail).Reason;
                return publisher.PublishAsync(new OutreachTaskClosed
                {
                    EventId = e.EventId, TaskId = e.TaskId, PatientKey = e.PatientKey, Rule = e.Rule, CareTeam = e.CareTeam,
                    Reason = string.IsNullOrEmpty(reason) ? e.CloseReason : reason, OccurredAt = e.OccurredAt,
                }, ct);
            case "reassigned":
                var moved = TaskEventDetails.Read<TaskReassignedDetail>(e.Detail);
                return publisher.PublishAsync(new OutreachTaskReassigned
                {
                    EventId = e.EventId, TaskId = e.TaskId, PatientKey = e.PatientKey, Rule = e.Rule, CareTeam = moved.To ?? e.CareTeam,
                    FromTeam = moved.From ?? "", Reason = moved.Reason ?? "reassigned", OccurredAt = e.OccurredAt,
                }, ct);
            case "critical":
                var detail = TaskEventDetails.Read<CriticalAlertDetail>(e.Detail);
                return Task.WhenAll(
                    publisher.PublishAsync(new CriticalResultDetected
                    {
                        EventId = e.EventId, PatientKey = e.PatientKey, TaskId = e.TaskId, Analyte = detail.Analyte,
                        Value = detail.Value, Unit = detail.Unit, CollectedOn = detail.CollectedOn,
                        CareTeam = e.CareTeam, OccurredAt = e.OccurredAt,
                    }, ct),
                    PublishQueued(e, ct));
            default:
                return PublishQueued(e, ct);
        }
    }

    private Task PublishQueued(PendingEvent e, CancellationToken ct) => publisher.PublishAsync(new OutreachTaskQueued
    {
        EventId = e.EventId, TaskId = e.TaskId, PatientKey = e.PatientKey, Rule = e.Rule, CareTeam = e.CareTeam, Priority = e.Priority,
        Since = e.Since, DueDate = e.DueDate, RuleVersion = e.RuleVersion, OccurredAt = e.OccurredAt,
    }, ct);

    private sealed record PendingEvent(long EventId, string Kind, DateTimeOffset OccurredAt, string Detail, long TaskId, long PatientKey,
        string Rule, string CareTeam, string Priority, DateOnly? Since, DateOnly? DueDate, string RuleVersion, string CloseReason);
}

using Npgsql;
using NpgsqlTypes;
using Screening.Data.Platform;
using Screening.Domain.Codes;

namespace Screening.Data.Outreach;

/// <summary>
/// Set-based writes of outreach tasks and their events (the outbox). Opening relies on the database's
/// one-open-task-per-patient-and-rule index: a conflict means the task already exists, so nothing is written twice.
/// Event kinds announced on the bus: queued, reopened (→ OutreachTaskQueued), closed (→ OutreachTaskClosed),
/// critical (→ CriticalResultDetected + OutreachTaskQueued), reassigned (→ OutreachTaskReassigned, see AttributionWriter).
/// </summary>
public static class TaskStore
{
    public static async Task<Dictionary<(long, string), OpenTaskRow>> LoadOpenAsync(NpgsqlConnection c, NpgsqlTransaction? tx,
        long[] patientKeys, string[] rules, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(OpenSql("patient_key = ANY($1)"), c, tx);
        cmd.Parameters.Add(SqlArray.Of(patientKeys, NpgsqlDbType.Bigint));
        cmd.Parameters.Add(SqlArray.Of(rules, NpgsqlDbType.Text));
        return await ReadOpenAsync(cmd, ct);
    }

    /// <summary>
    /// Open tasks of every patient with <paramref name="from"/> ≤ patient_key ≤ <paramref name="to"/> (a screen page).
    /// The evidence result ids (read out of the stored finding by <see cref="FindingStorage"/>) only matter to spot retracted evidence, so they are
    /// read only for <paramref name="withRetractions"/>, the patients who have an entered-in-error result.
    /// </summary>
    public static async Task<Dictionary<(long, string), OpenTaskRow>> LoadOpenRangeAsync(NpgsqlConnection c, NpgsqlTransaction? tx,
        long from, long to, string[] rules, long[] withRetractions, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(OpenSql("patient_key BETWEEN $1 AND $3", "patient_key = ANY($4)"), c, tx);
        cmd.Parameters.AddWithValue(from);
        cmd.Parameters.Add(SqlArray.Of(rules, NpgsqlDbType.Text));
        cmd.Parameters.AddWithValue(to);
        cmd.Parameters.Add(SqlArray.Of(withRetractions, NpgsqlDbType.Bigint));
        return await ReadOpenAsync(cmd, ct);
    }

    /// <summary>
    /// Per patient and rule: the open task, or else the last task a care team completed or dismissed (so the screen
    /// can keep a worked finding quiet, see <c>OutreachReconciliation</c>).
    /// </summary>
    private static string OpenSql(string patients, string evidenceFor = "true") => $$"""
        SELECT DISTINCT ON (patient_key, rule_id)
               id, patient_key, rule_id, status, evidence_key, snoozed_until,
               CASE WHEN {{evidenceFor}}
                    THEN finding::text ELSE NULL END,
               closed_at
        FROM outreach_task
        WHERE {{patients}} AND rule_id = ANY($2) AND status <> '{{TaskStatuses.Closed}}'
        ORDER BY patient_key, rule_id, status IN {{TaskStatuses.OpenSqlList}} DESC, closed_at DESC
        """;

    private static async Task<Dictionary<(long, string), OpenTaskRow>> ReadOpenAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var open = new Dictionary<(long, string), OpenTaskRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            open[(r.GetInt64(1), r.GetString(2))] = new OpenTaskRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3),
                r.GetString(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5),
                FindingStorage.EvidenceResultIds(r.IsDBNull(6) ? null : r.GetString(6)),
                r.IsDBNull(7) ? null : DateOnly.FromDateTime(r.GetFieldValue<DateTimeOffset>(7).UtcDateTime));
        return open;
    }

    /// <summary>
    /// Opens a task for each (patient, rule) from its stored met state (<c>patient_condition</c>: finding, evidence key,
    /// rule version; care team from <c>patient</c>), in the caller's transaction after the state was written. Returns
    /// how many were new: an already open task for the same patient and rule is left alone (the one-open index).
    /// </summary>
    public static async Task<int> OpenFromStateAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<(long PatientKey, string Rule)> tasks,
        long? runId, string actor, CancellationToken ct)
    {
        if (tasks.Count == 0) return 0;
        await using var cmd = new NpgsqlCommand($"""
            WITH opened AS (
                INSERT INTO outreach_task (patient_key, rule_id, status, priority, since, due_date, summary, finding, evidence_key,
                                           rule_version, care_team, opened_run_id)
                SELECT s.patient_key, s.rule_id, 'open', {StateContent}, p.care_team, $3
                FROM unnest($1::bigint[], $2::text[]) AS u(pk, rule)
                JOIN patient_condition s ON s.patient_key = u.pk AND s.rule_id = u.rule AND s.status = 'met'
                JOIN patient p ON p.patient_key = u.pk
                ORDER BY u.pk, u.rule
                ON CONFLICT (patient_key, rule_id) WHERE status IN {TaskStatuses.OpenSqlList} DO NOTHING
                RETURNING id, priority)
            INSERT INTO outreach_task_event (task_id, kind, actor, detail, publish)
            SELECT id, 'queued', $4, jsonb_build_object('priority', priority), true FROM opened
            """, c, tx);
        cmd.Parameters.Add(SqlArray.Of(tasks.Select(t => t.PatientKey).ToArray(), NpgsqlDbType.Bigint));
        cmd.Parameters.Add(SqlArray.Of(tasks.Select(t => t.Rule).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)runId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.AddWithValue(actor);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// Writes the stored finding (new evidence) onto open tasks; a reopen also clears the snooze and returns the task to
    /// the list.
    /// </summary>
    public static async Task UpdateFromStateAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<long> taskIds,
        bool reopen, string actor, CancellationToken ct)
    {
        if (taskIds.Count == 0) return;
        await using var cmd = new NpgsqlCommand($"""
            WITH changed AS (
                UPDATE outreach_task t SET (priority, since, due_date, summary, finding, evidence_key, rule_version) = ({StateContent}),
                       updated_at = now() {(reopen ? ", status = 'open', snoozed_until = NULL" : "")}
                FROM unnest($1::bigint[]) AS u(id), patient_condition s
                WHERE t.id = u.id AND s.patient_key = t.patient_key AND s.rule_id = t.rule_id AND s.status = 'met'
                RETURNING t.id, t.priority)
            INSERT INTO outreach_task_event (task_id, kind, actor, detail, publish)
            SELECT id, $2, $3, jsonb_build_object('priority', priority), $4 FROM changed
            """, c, tx);
        cmd.Parameters.Add(SqlArray.Of(taskIds.ToArray(), NpgsqlDbType.Bigint));
        cmd.Parameters.AddWithValue(reopen ? "reopened" : "updated");
        cmd.Parameters.AddWithValue(actor);
        cmd.Parameters.AddWithValue(reopen);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>
    /// A task's content taken from a stored met state <c>s</c>: its typed columns (written by <see cref="FindingStorage"/>
    /// through the state writer: priority, since, due date, summary, evidence key, rule version) and the finding as stored.
    /// </summary>
    private const string StateContent =
        "s.priority, s.since, s.due_date, s.summary, s.finding, s.evidence_key, s.rule_version";

    /// <summary>Closes open tasks with a reason (resolved, an exclusion, evidence-retracted …) and announces it.</summary>
    public static async Task<int> CloseAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<(long TaskId, string Reason)> closes,
        string status, string actor, CancellationToken ct)
    {
        if (closes.Count == 0) return 0;
        await using var cmd = new NpgsqlCommand($"""
            WITH closed AS (
                UPDATE outreach_task t SET status = $3, close_reason = u.reason, closed_at = now(), updated_at = now()
                FROM unnest($1::bigint[], $2::text[], $5::jsonb[]) AS u(id, reason, detail)
                WHERE t.id = u.id AND t.status IN {TaskStatuses.OpenSqlList}
                RETURNING t.id, u.detail)
            INSERT INTO outreach_task_event (task_id, kind, actor, detail, publish)
            SELECT id, 'closed', $4, detail, true FROM closed
            """, c, tx);
        cmd.Parameters.Add(SqlArray.Of(closes.Select(x => x.TaskId).ToArray(), NpgsqlDbType.Bigint));
        cmd.Parameters.Add(SqlArray.Of(closes.Select(x => x.Reason).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.AddWithValue(status);
        cmd.Parameters.AddWithValue(actor);
        cmd.Parameters.Add(SqlArray.Of(closes.Select(x => TaskEventDetails.Write(new TaskClosedDetail(x.Reason))).ToArray(), NpgsqlDbType.Jsonb));
        return await cmd.ExecuteNonQueryAsync(ct);
    }
}

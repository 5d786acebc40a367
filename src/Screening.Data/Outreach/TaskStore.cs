using Npgsql;
using NpgsqlTypes;
using Screening.Data.Ingest;

namespace Screening.Data.Outreach;

/// <summary>
/// Set-based writes of outreach tasks and their events (the outbox). Opening relies on the database's
/// one-open-task-per-patient-and-rule index: a conflict means the task already exists, so nothing is written twice.
/// Event kinds announced on the bus: queued, reopened (→ OutreachTaskQueued), closed (→ OutreachTaskClosed),
/// critical (→ CriticalResultDetected + OutreachTaskQueued).
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
    /// The evidence result ids (read out of the stored finding) only matter to spot retracted evidence, so they are
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
                    THEN coalesce(ARRAY(SELECT jsonb_array_elements(finding -> 'evidence') ->> 'resultId'), '{}'::text[])
                    ELSE '{}'::text[] END,
               closed_at
        FROM outreach_task
        WHERE {{patients}} AND rule_id = ANY($2) AND status IN ('open', 'in-progress', 'snoozed', 'completed', 'dismissed')
        ORDER BY patient_key, rule_id, status IN ('open', 'in-progress', 'snoozed') DESC, closed_at DESC
        """;

    private static async Task<Dictionary<(long, string), OpenTaskRow>> ReadOpenAsync(NpgsqlCommand cmd, CancellationToken ct)
    {
        var open = new Dictionary<(long, string), OpenTaskRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            open[(r.GetInt64(1), r.GetString(2))] = new OpenTaskRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3),
                r.GetString(4), r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), r.GetFieldValue<string[]>(6),
                r.IsDBNull(7) ? null : DateOnly.FromDateTime(r.GetFieldValue<DateTimeOffset>(7).UtcDateTime));
        return open;
    }

    /// <summary>Opens tasks; returns how many were new (an already open task for the same patient and rule is left alone).</summary>
    public static async Task<int> OpenAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<TaskContent> tasks,
        long? runId, string eventKind, string actor, CancellationToken ct)
    {
        if (tasks.Count == 0) return 0;
        await using var cmd = new NpgsqlCommand("""
            WITH opened AS (
                INSERT INTO outreach_task (patient_key, rule_id, status, priority, care_team, since, due_date, summary, finding,
                                           evidence_key, rule_version, opened_run_id)
                SELECT u.pk, u.rule, 'open', u.prio, u.team, u.since, u.due, u.summary, u.finding::jsonb, u.ekey, u.ver, $11
                FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::text[],
                            $9::text[], $10::text[]) AS u(pk, rule, prio, team, since, due, summary, finding, ekey, ver)
                ORDER BY u.pk, u.rule
                ON CONFLICT (patient_key, rule_id) WHERE status IN ('open', 'in-progress', 'snoozed') DO NOTHING
                RETURNING id, priority)
            INSERT INTO outreach_task_event (task_id, kind, actor, detail, publish)
            SELECT id, $12, $13, jsonb_build_object('priority', priority), true FROM opened
            """, c, tx);
        AddContent(cmd, tasks);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)runId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.AddWithValue(eventKind);
        cmd.Parameters.AddWithValue(actor);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Writes new evidence onto open tasks; a reopen also clears the snooze and returns the task to the list.</summary>
    public static async Task UpdateAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<(long TaskId, TaskContent Content)> updates,
        bool reopen, string actor, CancellationToken ct)
    {
        if (updates.Count == 0) return;
        await using var cmd = new NpgsqlCommand($"""
            WITH changed AS (
                UPDATE outreach_task t SET priority = u.prio, since = u.since, due_date = u.due, summary = u.summary,
                       finding = u.finding::jsonb, evidence_key = u.ekey, rule_version = u.ver, updated_at = now()
                       {(reopen ? ", status = 'open', snoozed_until = NULL" : "")}
                FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::date[], $6::date[], $7::text[], $8::text[],
                            $9::text[], $10::text[], $11::bigint[]) AS u(pk, rule, prio, team, since, due, summary, finding, ekey, ver, id)
                WHERE t.id = u.id
                RETURNING t.id, t.priority)
            INSERT INTO outreach_task_event (task_id, kind, actor, detail, publish)
            SELECT id, $12, $13, jsonb_build_object('priority', priority), $14 FROM changed
            """, c, tx);
        AddContent(cmd, updates.Select(u => u.Content).ToList());
        cmd.Parameters.Add(SqlArray.Of(updates.Select(u => u.TaskId).ToArray(), NpgsqlDbType.Bigint));
        cmd.Parameters.AddWithValue(reopen ? "reopened" : "updated");
        cmd.Parameters.AddWithValue(actor);
        cmd.Parameters.AddWithValue(reopen);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Closes open tasks with a reason (resolved, an exclusion, evidence-retracted …) and announces it.</summary>
    public static async Task<int> CloseAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<(long TaskId, string Reason)> closes,
        string status, string actor, CancellationToken ct)
    {
        if (closes.Count == 0) return 0;
        await using var cmd = new NpgsqlCommand("""
            WITH closed AS (
                UPDATE outreach_task t SET status = $3, close_reason = u.reason, closed_at = now(), updated_at = now()
                FROM unnest($1::bigint[], $2::text[]) AS u(id, reason)
                WHERE t.id = u.id AND t.status IN ('open', 'in-progress', 'snoozed')
                RETURNING t.id, u.reason)
            INSERT INTO outreach_task_event (task_id, kind, actor, detail, publish)
            SELECT id, 'closed', $4, jsonb_build_object('reason', reason), true FROM closed
            """, c, tx);
        cmd.Parameters.Add(SqlArray.Of(closes.Select(x => x.TaskId).ToArray(), NpgsqlDbType.Bigint));
        cmd.Parameters.Add(SqlArray.Of(closes.Select(x => x.Reason).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.AddWithValue(status);
        cmd.Parameters.AddWithValue(actor);
        return await cmd.ExecuteNonQueryAsync(ct);
    }

    private static void AddContent(NpgsqlCommand cmd, IReadOnlyList<TaskContent> tasks)
    {
        var p = cmd.Parameters;
        p.Add(SqlArray.Of(tasks.Select(t => t.PatientKey).ToArray(), NpgsqlDbType.Bigint));
        p.Add(SqlArray.Of(tasks.Select(t => t.RuleId).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(tasks.Select(t => t.Priority).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(tasks.Select(t => t.CareTeam).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(tasks.Select(t => t.Since).ToArray(), NpgsqlDbType.Date));
        p.Add(SqlArray.Of(tasks.Select(t => t.DueDate).ToArray(), NpgsqlDbType.Date));
        p.Add(SqlArray.Of(tasks.Select(t => t.Summary).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(tasks.Select(t => t.FindingJson).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(tasks.Select(t => t.EvidenceKey).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(tasks.Select(t => t.RuleVersion).ToArray(), NpgsqlDbType.Text));
    }
}

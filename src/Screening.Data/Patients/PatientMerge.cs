using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Screening.Data.Audit;
using Screening.Data.Ingest;
using Screening.Data.Screening;
using Screening.Domain.Screening;

namespace Screening.Data.Patients;

/// <summary>
/// Merges two records of one person (retired → survivor) and undoes it, each in ONE transaction: results, diagnoses,
/// procedures and open tasks move to the survivor (an open task of a rule the survivor already has open is closed
/// <c>merged</c>, so tasks are never duplicated), the retired patient points at its survivor (its identifiers then
/// resolve to the survivor), the survivor is re-screened (state recomputed as at ingest), and a <c>patient_merge</c>
/// row records exactly what moved so <see cref="UnmergeAsync"/> can move it back. Audited.
/// </summary>
public sealed class PatientMerge(ActiveRules rules, ScreeningClock clock)
{
    public sealed record Moved(long[] Results, long[] Diagnoses, long[] Procedures, long[] TasksMoved, long[] TasksClosed, long[] Chained);

    public async Task<long> MergeAsync(NpgsqlDataSource dataSource, long retired, long survivor, string source, string actor, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var id = await MergeAsync(c, tx, retired, survivor, source, actor, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    /// <summary>Within the caller's transaction (the ingest of an ADT^A40 or a FHIR replaced-by link).</summary>
    public async Task<long> MergeAsync(NpgsqlConnection c, NpgsqlTransaction tx, long retired, long survivor, string source, string actor, CancellationToken ct)
    {
        if (retired == survivor) throw new PatientMergeException("merge-into-itself", $"patient {retired} cannot be merged into itself");
        await PatientUpsert.LockPatientsAsync(c, tx, [Math.Min(retired, survivor), Math.Max(retired, survivor)], ct);
        var state = await MergedIntoAsync(c, tx, [retired, survivor], ct);
        if (!state.ContainsKey(retired)) throw new PatientMergeException("unknown-patient", $"no patient {retired}");
        if (!state.ContainsKey(survivor)) throw new PatientMergeException("unknown-patient", $"no patient {survivor}");
        if (state[retired] is { } r) throw new PatientMergeException("already-merged", $"patient {retired} is already merged into {r}");
        if (state[survivor] is { } s) throw new PatientMergeException("survivor-merged", $"patient {survivor} is merged into {s}: merge into {s} instead");

        var results = await Ids(c, tx, "UPDATE lab_result SET patient_key = $2 WHERE patient_key = $1 RETURNING id", retired, survivor, ct);
        var diagnoses = await Ids(c, tx, """
            UPDATE diagnosis d SET patient_key = $2 WHERE d.patient_key = $1 AND NOT EXISTS (
                SELECT 1 FROM diagnosis o WHERE o.patient_key = $2 AND o.code_system = d.code_system AND o.code = d.code
                  AND o.onset IS NOT DISTINCT FROM d.onset) RETURNING d.id
            """, retired, survivor, ct);
        var procedures = await Ids(c, tx, """
            UPDATE clinical_procedure x SET patient_key = $2 WHERE x.patient_key = $1 AND NOT EXISTS (
                SELECT 1 FROM clinical_procedure o WHERE o.patient_key = $2 AND o.code_system = x.code_system AND o.code = x.code
                  AND o.performed_on = x.performed_on) RETURNING x.id
            """, retired, survivor, ct);
        var closed = await Ids(c, tx, """
            WITH closed AS (
                UPDATE outreach_task t SET status = 'closed', close_reason = 'merged', closed_at = now(), updated_at = now()
                WHERE t.patient_key = $1 AND t.status IN ('open', 'in-progress', 'snoozed') AND EXISTS (
                    SELECT 1 FROM outreach_task o WHERE o.patient_key = $2 AND o.rule_id = t.rule_id AND o.status IN ('open', 'in-progress', 'snoozed'))
                RETURNING t.id),
            ev AS (INSERT INTO outreach_task_event (task_id, kind, actor, detail, publish)
                   SELECT id, 'closed', 'merge', jsonb_build_object('reason', 'merged', 'survivor', $2), true FROM closed)
            SELECT id FROM closed
            """, retired, survivor, ct);
        var movedTasks = await Ids(c, tx, """
            WITH moved AS (
                UPDATE outreach_task t SET patient_key = $2, updated_at = now()
                WHERE t.patient_key = $1 AND t.status IN ('open', 'in-progress', 'snoozed') RETURNING t.id),
            ev AS (INSERT INTO outreach_task_event (task_id, kind, actor, detail)
                   SELECT id, 'merged', 'merge', jsonb_build_object('from', $1, 'to', $2) FROM moved)
            SELECT id FROM moved
            """, retired, survivor, ct);
        var chained = await Ids(c, tx, "UPDATE patient SET merged_into = $2 WHERE merged_into = $1 RETURNING patient_key", retired, survivor, ct);
        await Exec(c, tx, "UPDATE patient SET merged_into = $2, updated_at = now() WHERE patient_key = $1", retired, survivor, ct);
        await Exec(c, tx, "DELETE FROM patient_condition WHERE patient_key = $1 AND $2 = $2", retired, survivor, ct);

        var moved = new Moved(results, diagnoses, procedures, movedTasks, closed, chained);
        await using var insert = new NpgsqlCommand("""
            INSERT INTO patient_merge (retired_key, survivor_key, source, actor, moved) VALUES ($1, $2, $3, $4, $5::jsonb) RETURNING id
            """, c, tx);
        insert.Parameters.AddWithValue(retired);
        insert.Parameters.AddWithValue(survivor);
        insert.Parameters.AddWithValue(source);
        insert.Parameters.AddWithValue(actor);
        insert.Parameters.AddWithValue(JsonSerializer.Serialize(moved, JsonDefaults.Options));
        var mergeId = (long)(await insert.ExecuteScalarAsync(ct))!;
        await RescreenAsync(c, tx, [survivor], ct);
        await AuditLog.RecordAsync(c, tx, actor, "patients.merge", "patient_merge", mergeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            survivor, new { retired, survivor, source, results = results.Length, tasksMoved = movedTasks.Length, tasksClosed = closed.Length }, ct);
        return mergeId;
    }

    /// <summary>Undoes the active merge of <paramref name="retired"/>: what the merge moved goes back, both patients are re-screened.</summary>
    public async Task<(long MergeId, long Survivor)> UnmergeAsync(NpgsqlDataSource dataSource, long retired, string actor, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await using var find = new NpgsqlCommand(
            "SELECT id, survivor_key, moved::text FROM patient_merge WHERE retired_key = $1 AND unmerged_at IS NULL FOR UPDATE", c, tx);
        find.Parameters.AddWithValue(retired);
        long mergeId, survivor;
        Moved moved;
        await using (var r = await find.ExecuteReaderAsync(ct))
        {
            if (!await r.ReadAsync(ct)) throw new PatientMergeException("not-merged", $"patient {retired} has no active merge to undo");
            (mergeId, survivor, moved) = (r.GetInt64(0), r.GetInt64(1), JsonSerializer.Deserialize<Moved>(r.GetString(2), JsonDefaults.Options)!);
        }
        await PatientUpsert.LockPatientsAsync(c, tx, [Math.Min(retired, survivor), Math.Max(retired, survivor)], ct);
        await Back(c, tx, "UPDATE lab_result SET patient_key = $2 WHERE id = ANY($1) AND patient_key = $3", moved.Results, retired, survivor, ct);
        await Back(c, tx, "UPDATE diagnosis SET patient_key = $2 WHERE id = ANY($1) AND patient_key = $3", moved.Diagnoses, retired, survivor, ct);
        await Back(c, tx, "UPDATE clinical_procedure SET patient_key = $2 WHERE id = ANY($1) AND patient_key = $3", moved.Procedures, retired, survivor, ct);
        await Back(c, tx, """
            WITH back AS (UPDATE outreach_task SET patient_key = $2, updated_at = now() WHERE id = ANY($1) AND patient_key = $3 RETURNING id)
            INSERT INTO outreach_task_event (task_id, kind, actor, detail) SELECT id, 'unmerged', 'unmerge', jsonb_build_object('to', $2) FROM back
            """, moved.TasksMoved, retired, survivor, ct);
        await Back(c, tx, """
            WITH reopened AS (
                UPDATE outreach_task t SET status = 'open', close_reason = NULL, closed_at = NULL, updated_at = now()
                WHERE t.id = ANY($1) AND t.patient_key = $2 AND t.status = 'closed' AND t.close_reason = 'merged' AND $3 = $3
                  AND NOT EXISTS (SELECT 1 FROM outreach_task o WHERE o.patient_key = $2 AND o.rule_id = t.rule_id AND o.status IN ('open', 'in-progress', 'snoozed'))
                RETURNING t.id, t.priority)
            INSERT INTO outreach_task_event (task_id, kind, actor, detail, publish)
            SELECT id, 'reopened', 'unmerge', jsonb_build_object('priority', priority), true FROM reopened
            """, moved.TasksClosed, retired, survivor, ct);
        await Back(c, tx, "UPDATE patient SET merged_into = $2 WHERE patient_key = ANY($1) AND merged_into = $3", moved.Chained, retired, survivor, ct);
        await Exec(c, tx, "UPDATE patient SET merged_into = NULL, updated_at = now() WHERE patient_key = $1 AND $2 = $2", retired, survivor, ct);
        await using (var done = new NpgsqlCommand("UPDATE patient_merge SET unmerged_at = now(), unmerged_by = $2 WHERE id = $1", c, tx))
        {
            done.Parameters.AddWithValue(mergeId);
            done.Parameters.AddWithValue(actor);
            await done.ExecuteNonQueryAsync(ct);
        }
        await RescreenAsync(c, tx, [Math.Min(retired, survivor), Math.Max(retired, survivor)], ct);
        await AuditLog.RecordAsync(c, tx, actor, "patients.unmerge", "patient_merge", mergeId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            retired, new { retired, survivor }, ct);
        await tx.CommitAsync(ct);
        return (mergeId, survivor);
    }

    /// <summary>Recomputes per-patient state with the pure rules, exactly as an ingest batch does for the patients it touched.</summary>
    private async Task RescreenAsync(NpgsqlConnection c, NpgsqlTransaction tx, long[] keys, CancellationToken ct)
    {
        var records = await PatientRecordLoader.LoadAsync(c, tx, keys, ct);
        var screenings = records.Select(r => (r.Key, Screen.Evaluate(r.Value, rules.Rules, clock.Today))).ToList();
        await ConditionStateWriter.WriteAsync(c, tx, screenings, rules, ct);
    }

    private static async Task<Dictionary<long, long?>> MergedIntoAsync(NpgsqlConnection c, NpgsqlTransaction tx, long[] keys, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("SELECT patient_key, merged_into FROM patient WHERE patient_key = ANY($1)", c, tx);
        cmd.Parameters.Add(SqlArray.Of(keys, NpgsqlDbType.Bigint));
        var map = new Dictionary<long, long?>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) map[r.GetInt64(0)] = r.IsDBNull(1) ? null : r.GetInt64(1);
        return map;
    }

    private static async Task<long[]> Ids(NpgsqlConnection c, NpgsqlTransaction tx, string sql, long retired, long survivor, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        cmd.Parameters.AddWithValue(retired);
        cmd.Parameters.AddWithValue(survivor);
        var ids = new List<long>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) ids.Add(r.GetInt64(0));
        return ids.ToArray();
    }

    private static async Task Exec(NpgsqlConnection c, NpgsqlTransaction tx, string sql, long a, long b, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        cmd.Parameters.AddWithValue(a);
        cmd.Parameters.AddWithValue(b);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static async Task Back(NpgsqlConnection c, NpgsqlTransaction tx, string sql, long[] ids, long retired, long survivor, CancellationToken ct)
    {
        if (ids.Length == 0) return;
        await using var cmd = new NpgsqlCommand(sql, c, tx);
        cmd.Parameters.Add(SqlArray.Of(ids, NpgsqlDbType.Bigint));
        cmd.Parameters.AddWithValue(retired);
        cmd.Parameters.AddWithValue(survivor);
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

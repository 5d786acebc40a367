using Npgsql;
using NpgsqlTypes;
using Screening.Data.Platform;
using Screening.Domain.Codes;

namespace Screening.Data.Attribution;

/// <summary>
/// Puts patients on teams in the caller's transaction: the patient row (team, reason, when), their open tasks moved along
/// (closed history stays with the team that worked it), a <c>reassigned</c> task event per moved task (announced as
/// OutreachTaskReassigned by the outbox) and an audit row per patient. Only real changes are written.
/// </summary>
public static class AttributionWriter
{
    /// <param name="auditEvery">
    /// Audit every change (a person's decision). When false (a feed), the first placement of a patient who had no team
    /// and no open task is recorded on the patient row only, so a backfill of a million patients does not write a million
    /// audit rows; every move off a team, and every move of an open task, is audited.
    /// </param>
    /// <param name="keepManual">
    /// Leave patients whose current assignment is manual as they are (automatic attribution), re-checked on the locked row so
    /// a coordinator's assignment committed meanwhile is never overwritten by a decision made on an older read.
    /// </param>
    public static async Task<IReadOnlyList<AttributionMove>> MoveAsync(NpgsqlConnection c, NpgsqlTransaction tx,
        IReadOnlyList<(long PatientKey, string Team, string Reason)> moves, string actor, bool auditEvery, CancellationToken ct,
        bool keepManual = false)
    {
        if (moves.Count == 0) return [];
        var distinct = moves.DistinctBy(m => m.PatientKey).OrderBy(m => m.PatientKey).ToArray();
        await using var cmd = new NpgsqlCommand($"""
            WITH m AS (SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[]) AS m(pk, team, reason)),
            old AS (SELECT p.patient_key, p.care_team AS old_team FROM patient p JOIN m ON m.pk = p.patient_key
                    ORDER BY p.patient_key FOR UPDATE OF p),
            changed AS (
                UPDATE patient p SET care_team = m.team, attribution_reason = m.reason, attributed_at = now(), updated_at = now()
                FROM m JOIN old ON old.patient_key = m.pk
                WHERE p.patient_key = m.pk AND (p.care_team, p.attribution_reason) IS DISTINCT FROM (m.team, m.reason)
                  AND NOT ($6 AND coalesce(starts_with(p.attribution_reason, 'manual:'), false))
                RETURNING p.patient_key, old.old_team, m.team, m.reason),
            open_tasks AS (
                SELECT t.id, t.patient_key, t.care_team AS old_team FROM outreach_task t JOIN changed c ON c.patient_key = t.patient_key
                WHERE t.status IN {TaskStatuses.OpenSqlList} AND t.care_team <> c.team
                ORDER BY t.id FOR UPDATE OF t),
            moved AS (
                UPDATE outreach_task t SET care_team = c.team, updated_at = now()
                FROM open_tasks o JOIN changed c ON c.patient_key = o.patient_key
                WHERE t.id = o.id
                RETURNING t.id, t.patient_key, o.old_team, c.team, c.reason),
            events AS (
                INSERT INTO outreach_task_event (task_id, kind, actor, detail, publish)
                SELECT id, 'reassigned', $4, jsonb_build_object('from', old_team, 'to', team, 'reason', reason), true FROM moved),
            counted AS (
                SELECT c.patient_key, c.old_team, c.team, c.reason, (SELECT count(*) FROM moved WHERE moved.patient_key = c.patient_key)::int AS n
                FROM changed c),
            audited AS (
                INSERT INTO audit_event (actor, action, entity_type, entity_id, patient_key, detail)
                SELECT $4, 'patient.attribute', 'patient', patient_key::text, patient_key,
                       jsonb_build_object('from', old_team, 'to', team, 'reason', reason, 'tasksMoved', n)
                FROM counted WHERE $5 OR old_team <> 'unassigned' OR n > 0)
            SELECT patient_key, old_team, team, reason, n FROM counted ORDER BY patient_key
            """, c, tx);
        cmd.Parameters.Add(SqlArray.Of(distinct.Select(m => m.PatientKey).ToArray(), NpgsqlDbType.Bigint));
        cmd.Parameters.Add(SqlArray.Of(distinct.Select(m => m.Team).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(distinct.Select(m => m.Reason).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.AddWithValue(actor);
        cmd.Parameters.AddWithValue(auditEvery);
        cmd.Parameters.AddWithValue(keepManual);
        var result = new List<AttributionMove>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            result.Add(new AttributionMove(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4)));
        return result;
    }
}

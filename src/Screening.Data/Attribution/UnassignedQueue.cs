using Npgsql;
using NpgsqlTypes;
using Screening.Data.Audit;
using Screening.Domain.Attribution;
using Screening.Data.Platform;
using Screening.Domain.Codes;

namespace Screening.Data.Attribution;

/// <summary>
/// The coordinators' queue: patients attribution could not place (care team <c>unassigned</c>), with why. A coordinator
/// assigns one patient, a list, or everything matching a filter to an active team; the patient and their open tasks
/// move, each change audited and announced, the assignment stored as <c>manual:USER</c> (feeds do not undo it).
/// </summary>
public sealed class UnassignedQueue(NpgsqlDataSource dataSource)
{
    public async Task<(IReadOnlyList<QueueRow> Rows, long Total)> ListAsync(QueueFilter filter, int limit, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var cmd = new NpgsqlCommand($"""
            WITH q AS (
                SELECT p.patient_key, p.source_system, p.attribution_reason, p.created_at,
                       (SELECT count(*) FROM outreach_task t WHERE t.patient_key = p.patient_key AND t.status IN {TaskStatuses.OpenSqlList})::int AS n,
                       EXISTS (SELECT 1 FROM outreach_task t WHERE t.patient_key = p.patient_key AND t.status IN {TaskStatuses.OpenSqlList}
                               AND t.priority = 'urgent') AS urgent
                FROM patient p WHERE {Where("p")})
            SELECT patient_key, source_system, attribution_reason, n, urgent, created_at, count(*) OVER () FROM q
            ORDER BY urgent DESC, n DESC, patient_key LIMIT $4
            """, c);
        Bind(cmd, filter);
        cmd.Parameters.AddWithValue(limit);
        var rows = new List<QueueRow>();
        long total = 0;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            rows.Add(new QueueRow(r.GetInt64(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2), r.GetInt32(3), r.GetBoolean(4),
                r.GetFieldValue<DateTimeOffset>(5)));
            total = r.GetInt64(6);
        }
        return (rows, total);
    }

    /// <summary>Assigns these unassigned patients (keys not on the queue are left alone) to <paramref name="team"/>.</summary>
    public Task<IReadOnlyList<AttributionMove>> AssignAsync(IReadOnlyList<long> patientKeys, string team, string actor, CancellationToken ct) =>
        AssignWhereAsync("p.patient_key = ANY($4)", cmd => cmd.Parameters.Add(SqlArray.Of(patientKeys.ToArray(), NpgsqlDbType.Bigint)),
            new QueueFilter(), team, actor, "queue.assign", new { patients = patientKeys.Count }, ct);

    /// <summary>Assigns every unassigned patient matching <paramref name="filter"/> (an empty filter is refused: say what you mean).</summary>
    public Task<IReadOnlyList<AttributionMove>> AssignMatchingAsync(QueueFilter filter, string team, string actor, CancellationToken ct)
    {
        if (filter.IsEmpty) throw new AttributionInputException("Give a filter (source, reason or rule) for a bulk assignment.");
        return AssignWhereAsync("true", _ => { }, filter, team, actor, "queue.bulk-assign", new { filter = filter.ToString() }, ct);
    }

    private async Task<IReadOnlyList<AttributionMove>> AssignWhereAsync(string extra, Action<NpgsqlCommand> bindExtra, QueueFilter filter,
        string team, string actor, string action, object detail, CancellationToken ct)
    {
        if (team == CareTeamAttribution.Unassigned) throw new AttributionInputException("Choose a team to assign to (not the unassigned queue).");
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await CareTeams.RequireActiveAsync(c, tx, team, ct);
        var keys = new List<long>();
        await using (var cmd = new NpgsqlCommand($"SELECT p.patient_key FROM patient p WHERE {Where("p")} AND {extra} ORDER BY p.patient_key FOR UPDATE", c, tx))
        {
            Bind(cmd, filter);
            bindExtra(cmd);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) keys.Add(r.GetInt64(0));
        }
        var moved = await AttributionWriter.MoveAsync(c, tx, keys.Select(k => (k, team, CareTeamAttribution.Manual(actor))).ToList(), actor, true, ct);
        await AuditLog.RecordAsync(c, tx, actor, action, "care_team", team, null,
            new { detail, patientsMoved = moved.Count, tasksMoved = moved.Sum(m => m.TasksMoved) }, ct);
        await tx.CommitAsync(ct);
        return moved;
    }

    private static string Where(string p) => $"""
        {p}.care_team = 'unassigned'
          AND ($1::text IS NULL OR {p}.source_system = $1)
          AND ($2::text IS NULL OR CASE WHEN right($2, 1) = ':' THEN starts_with(coalesce({p}.attribution_reason, ''), $2)
                                        ELSE coalesce({p}.attribution_reason, '') = $2 END)
          AND ($3::text IS NULL OR EXISTS (SELECT 1 FROM outreach_task t WHERE t.patient_key = {p}.patient_key AND t.rule_id = $3
                                           AND t.status IN {TaskStatuses.OpenSqlList}))
        """;

    private static void Bind(NpgsqlCommand cmd, QueueFilter f)
    {
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)f.Source ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)f.Reason ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)f.Rule ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
    }
}

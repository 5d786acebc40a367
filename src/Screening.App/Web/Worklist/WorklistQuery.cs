using Npgsql;
using NpgsqlTypes;
using Screening.Domain.Codes;
using Screening.Domain.Patients;

namespace Screening.App.Web.Worklist;

/// <summary>
/// Worklist reads: team-scoped filter, keyset paging on indexed sort keys (V0003 indexes), counts and export.
/// <paramref name="teams"/> null means every team (admin).
/// </summary>
public sealed class WorklistQuery(NpgsqlDataSource dataSource)
{
    private static readonly string Rank = Priorities.SqlRank("t.priority");
    private const string Due = "coalesce(t.due_date, 'infinity'::date)";

    public async Task<(List<WorklistRow> Rows, string? Next)> PageAsync(WorklistFilter f, string[]? teams, DateOnly today, CancellationToken ct)
    {
        var rows = await ReadAsync(f, teams, today, f.PageSize + 1, true, ct);
        if (rows.Count <= f.PageSize) return (rows, null);
        rows.RemoveAt(rows.Count - 1);
        var last = rows[^1];
        var cursor = new WorklistCursor(last.PriorityRank, last.DueDate ?? DateOnly.MaxValue, last.OpenedAt, last.TaskId);
        return (rows, cursor.Encode(f.Sort));
    }

    public Task<List<WorklistRow>> ExportAsync(WorklistFilter f, string[]? teams, DateOnly today, int max, CancellationToken ct) =>
        ReadAsync(f with { After = null }, teams, today, max, false, ct);

    public async Task<WorklistCounts> CountAsync(WorklistFilter f, string[]? teams, DateOnly today, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand();
        var where = Where(f, teams, cmd, useCursor: false);
        cmd.Parameters.Add(new NpgsqlParameter { Value = today, NpgsqlDbType = NpgsqlDbType.Date });
        cmd.CommandText = $"""
            SELECT count(*), count(*) FILTER (WHERE t.status = '{TaskStatuses.Open}'), count(*) FILTER (WHERE t.status = '{TaskStatuses.InProgress}'),
                   count(*) FILTER (WHERE t.status = '{TaskStatuses.Snoozed}'), count(*) FILTER (WHERE t.priority IN ('high', 'urgent')),
                   count(*) FILTER (WHERE t.due_date < ${cmd.Parameters.Count})
            FROM outreach_task t WHERE {where}
            """;
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        return new WorklistCounts(r.GetInt64(0), r.GetInt64(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), r.GetInt64(5));
    }

    private async Task<List<WorklistRow>> ReadAsync(WorklistFilter f, string[]? teams, DateOnly today, int limit, bool useCursor, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand();
        var where = Where(f, teams, cmd, useCursor);
        var order = f.Sort switch
        {
            "priority" => $"{Rank}, {Due}, t.id",
            "opened" => "t.opened_at DESC, t.id DESC",
            _ => $"{Due}, t.id",
        };
        cmd.Parameters.AddWithValue(limit);
        cmd.CommandText = $"""
            SELECT t.id, t.patient_key, t.rule_id, t.status, t.priority, t.care_team, t.since, t.due_date, t.opened_at, t.snoozed_until,
                   t.summary, p.sex, p.birth_date,
                   {Rank}
            FROM outreach_task t JOIN patient p ON p.patient_key = t.patient_key
            WHERE {where} ORDER BY {order} LIMIT ${cmd.Parameters.Count}
            """;
        var rows = new List<WorklistRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new WorklistRow(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetString(5),
                r.IsDBNull(6) ? null : r.GetFieldValue<DateOnly>(6), r.IsDBNull(7) ? null : r.GetFieldValue<DateOnly>(7),
                r.GetFieldValue<DateTimeOffset>(8), r.IsDBNull(9) ? null : r.GetFieldValue<DateOnly>(9), r.GetString(10), r.GetString(11),
                r.IsDBNull(12) ? null : Ages.On(r.GetFieldValue<DateOnly>(12), today), r.GetInt32(13)));
        return rows;
    }

    private static string Where(WorklistFilter f, string[]? teams, NpgsqlCommand cmd, bool useCursor)
    {
        var clauses = new List<string>();
        string P(object value, NpgsqlDbType type)
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = value, NpgsqlDbType = type });
            return "$" + cmd.Parameters.Count;
        }
        if (teams is not null) clauses.Add($"t.care_team = ANY({P(teams, NpgsqlDbType.Array | NpgsqlDbType.Text)})");
        if (f.Team is not null) clauses.Add($"t.care_team = {P(f.Team, NpgsqlDbType.Text)}");
        if (f.Rule is not null) clauses.Add($"t.rule_id = {P(f.Rule, NpgsqlDbType.Text)}");
        if (f.Priority is not null) clauses.Add($"t.priority = {P(f.Priority, NpgsqlDbType.Text)}");
        clauses.Add(f.Status switch
        {
            "open-all" => $"t.status IN {TaskStatuses.OpenSqlList}",
            "all" => "true",
            _ => $"t.status = {P(f.Status, NpgsqlDbType.Text)}",
        });
        if (f.DueFrom is { } from) clauses.Add($"t.due_date >= {P(from, NpgsqlDbType.Date)}");
        if (f.DueTo is { } to) clauses.Add($"t.due_date <= {P(to, NpgsqlDbType.Date)}");
        if (useCursor && f.After is not null && WorklistCursor.Decode(f.After, f.Sort) is { } c)
            clauses.Add(f.Sort switch
            {
                "priority" => $"({Rank}, {Due}, t.id) > ({P(c.PriorityRank, NpgsqlDbType.Integer)}, {P(c.Due, NpgsqlDbType.Date)}, {P(c.Id, NpgsqlDbType.Bigint)})",
                "opened" => $"(t.opened_at, t.id) < ({P(c.OpenedAt, NpgsqlDbType.TimestampTz)}, {P(c.Id, NpgsqlDbType.Bigint)})",
                _ => $"({Due}, t.id) > ({P(c.Due, NpgsqlDbType.Date)}, {P(c.Id, NpgsqlDbType.Bigint)})",
            });
        return string.Join(" AND ", clauses);
    }
}

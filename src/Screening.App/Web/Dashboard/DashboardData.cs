using Npgsql;
using NpgsqlTypes;

namespace Screening.App.Web.Dashboard;

/// <summary>Dashboard figures: open tasks by team and rule (team-scoped), the last screening runs, rejects by reason.</summary>
public sealed record DashboardData(IReadOnlyList<(string Team, string Rule, long Count)> OpenTasks, IReadOnlyList<DashboardRun> Runs,
    IReadOnlyList<(string Reason, long Count)> Rejects)
{
    public static async Task<DashboardData> LoadAsync(NpgsqlDataSource db, string[]? teams, CancellationToken ct)
    {
        var open = new List<(string, string, long)>();
        await using (var cmd = db.CreateCommand("""
            SELECT care_team, rule_id, count(*) FROM outreach_task
            WHERE status IN ('open', 'in-progress', 'snoozed') AND ($1::text[] IS NULL OR care_team = ANY($1))
            GROUP BY 1, 2 ORDER BY 1, 2
            """))
        {
            cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)teams ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) open.Add((r.GetString(0), r.GetString(1), r.GetInt64(2)));
        }
        var runs = new List<DashboardRun>();
        await using (var cmd = db.CreateCommand("""
            SELECT id, as_of, trigger, status, started_at, duration_ms, patients_screened, tasks_opened, tasks_updated, tasks_closed, tasks_reopened
            FROM screening_run ORDER BY id DESC LIMIT 15
            """))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
                runs.Add(new DashboardRun(r.GetInt64(0), r.GetFieldValue<DateOnly>(1), r.GetString(2), r.GetString(3), r.GetFieldValue<DateTimeOffset>(4),
                    r.IsDBNull(5) ? null : r.GetInt64(5), r.GetInt32(6), r.GetInt32(7), r.GetInt32(8), r.GetInt32(9), r.GetInt32(10)));
        }
        var rejects = new List<(string, long)>();
        await using (var cmd = db.CreateCommand("SELECT reason_code, count(*) FROM rejected_message WHERE status IN ('rejected', 'faulted') GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 20"))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) rejects.Add((r.GetString(0), r.GetInt64(1)));
        }
        return new DashboardData(open, runs, rejects);
    }
}

using Npgsql;
using Spectre.Console;
using Screening.Domain.Codes;

namespace Screening.App.Demo;

/// <summary>What the database holds after the demo, and where to look next.</summary>
public static class DemoSummary
{
    public static async Task PrintAsync(IServiceProvider services, CancellationToken ct)
    {
        var db = services.GetRequiredService<NpgsqlDataSource>();
        await using var cmd = db.CreateCommand($"""
            SELECT (SELECT count(*) FROM patient), (SELECT count(*) FROM lab_result WHERE is_current),
                   (SELECT count(*) FROM rejected_message WHERE status = 'rejected'),
                   (SELECT coalesce(string_agg(rule_id || ' ' || n, ', ' ORDER BY rule_id), 'none') FROM
                       (SELECT rule_id, count(*) n FROM outreach_task WHERE status IN {TaskStatuses.OpenSqlList} GROUP BY rule_id) s)
            """);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        await r.ReadAsync(ct);
        AnsiConsole.MarkupLine($"Database: [bold]{r.GetInt64(0):N0}[/] patients, [bold]{r.GetInt64(1):N0}[/] results, {r.GetInt64(2):N0} rejects; open tasks by rule: {Markup.Escape(r.GetString(3))}");
        await r.DisposeAsync();
        await using (var teams = db.CreateCommand("""
            SELECT coalesce(string_agg(care_team || ' ' || n, ', ' ORDER BY care_team = 'unassigned', care_team), 'none')
            FROM (SELECT care_team, count(*) n FROM patient GROUP BY care_team) s
            """))
            AnsiConsole.MarkupLine($"Patients by care team (attribution): {Markup.Escape((string)(await teams.ExecuteScalarAsync(ct))!)}");
        AnsiConsole.MarkupLine("""
            Next:
              ./screening tasks list --team north              the north team's worklist
              ./screening teams list                           care teams (also: teams rules list, teams queue)
              ./screening tasks list --rule overdue-dxa --format csv
              ./screening runs list                            screening history
              ./screening worker                               consumers + nightly schedule (health: http://127.0.0.1:5081/health)
            """);
        AnsiConsole.MarkupLine("  ./screening web                                  care-team worklist at " + Markup.Escape(Web.Auth.DemoUsers.SignInLine("http://127.0.0.1:5080")));
    }
}

using Npgsql;
using Screening.Data.Audit;
using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Screening.App.Hosting;
using Screening.Data.Platform;
using Screening.Data.Worklist;
using Screening.Domain.Codes;
using Screening.Domain.Screening;
using Screening.App.Web;
using Screening.App.Web.Actions;
using Screening.App.Web.Auth;

namespace Screening.App.Cli;

public static class TasksCommand
{
    public static Command Create()
    {
        var team = new Option<string?>("--team") { Description = "Only this care team." };
        var rule = new Option<string?>("--rule") { Description = string.Join(" | ", RuleIds.All) };
        var status = new Option<string?>("--status") { Description = $"open (default: {string.Join(", ", TaskStatuses.OpenSet)}) | {string.Join(" | ", TaskStatuses.All.Skip(1))} | all" };
        var format = new Option<OutputFormat>("--format") { Description = "table | csv | json", DefaultValueFactory = _ => OutputFormat.Table };
        var limit = new Option<int>("--limit") { Description = "At most this many tasks (newest first).", DefaultValueFactory = _ => 200 };
        var list = new Command("list", "List outreach tasks with whom to call: name, birth date/age, MRN, phone (PHI: audited).") { team, rule, status, format, limit };
        list.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            using var app = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), HostRole.Query).Build();
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScreeningDb>>().CreateDbContextAsync(ct);
            var query = TaskQueries.Filter(db, parse.GetValue(team), parse.GetValue(rule), parse.GetValue(status));
            var rows = await query.OrderByDescending(t => t.Id).Take(parse.GetValue(limit)).ToListAsync(ct);
            var cards = await new Screening.Data.Patients.PatientDirectory(app.Services.GetRequiredService<NpgsqlDataSource>())
                .CardsAsync(rows.Select(r => r.PatientKey).ToArray(), app.Services.GetRequiredService<Options.IdentityOptions>().MrnSystem, ct);
            TaskListView.Write(rows, cards, parse.GetValue(format), app.Services.GetRequiredService<ScreeningClock>().Today, Console.Out);
            await AuditLog.RecordAsync(app.Services.GetRequiredService<NpgsqlDataSource>(), Environment.UserName, "tasks.list", "outreach_task", null, null,
                new { count = rows.Count }, ct);
            return 0;
        }));
        var taskId = new Argument<long>("id") { Description = "Task id (tasks list)." };
        var toTeam = new Option<string>("--team") { Description = "An existing, active team.", Required = true };
        var reassign = new Command("reassign", "Move one open task to another team (audited, announced); exit 2 for an unknown or disabled team.") { taskId, toTeam };
        reassign.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            using var app = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), HostRole.Query, Serilog.Events.LogEventLevel.Warning).Build();
            var actions = new TaskActions(app.Services.GetRequiredService<IDbContextFactory<ScreeningDb>>(),
                WebOptions.Read(app.Services.GetRequiredService<IConfiguration>()), app.Services.GetRequiredService<ScreeningClock>());
            var operatorUser = new WebUser(0, Environment.UserName, Data.Model.AppUser.AdminRole, []);
            var result = await actions.ApplyAsync(parse.GetValue(taskId), operatorUser, new TaskActionRequest("reassign", Team: parse.GetValue(toTeam)), ct);
            if (result.Outcome == TaskActionOutcome.Done) { Console.WriteLine(result.Message); return 0; }
            await Console.Error.WriteLineAsync("tasks reassign: " + result.Message);
            return 2;
        }));
        return new Command("tasks", "Work with outreach tasks.") { list, reassign };
    }
}

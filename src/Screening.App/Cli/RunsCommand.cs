using System.CommandLine;
using Microsoft.EntityFrameworkCore;
using Screening.App.Hosting;
using Screening.Data.Platform;
using Spectre.Console;

namespace Screening.App.Cli;

public static class RunsCommand
{
    public static Command Create()
    {
        var limit = new Option<int>("--limit") { DefaultValueFactory = _ => 20 };
        var list = new Command("list", "The latest screening runs with counts, duration and rule version.") { limit };
        list.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            using var app = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), HostRole.Query).Build();
            await using var db = await app.Services.GetRequiredService<IDbContextFactory<ScreeningDb>>().CreateDbContextAsync(ct);
            var runs = await db.ScreeningRuns.OrderByDescending(r => r.Id).Take(parse.GetValue(limit)).ToListAsync(ct);
            var table = new Table().AddColumns("run", "as of", "trigger", "status", "rules", "patients", "opened", "updated", "closed", "reopened", "duration");
            foreach (var r in runs)
                table.AddRow(r.Id.ToString(), r.AsOf.ToString("yyyy-MM-dd"), Markup.Escape(r.Trigger), Markup.Escape(r.Status), Markup.Escape(r.RuleVersion),
                    r.PatientsScreened.ToString("N0"), r.TasksOpened.ToString("N0"), r.TasksUpdated.ToString("N0"), r.TasksClosed.ToString("N0"),
                    r.TasksReopened.ToString("N0"), r.DurationMs is { } ms ? $"{ms / 1000.0:0.0} s" : "");
            AnsiConsole.Write(table);
            return 0;
        }));
        return new Command("runs", "Screening run history.") { list };
    }
}

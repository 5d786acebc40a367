using System.CommandLine;
using Screening.App.Hosting;
using Screening.Data.Outreach;
using Screening.Data.Platform;
using Screening.Data.Screen;

namespace Screening.App.Cli;

public static class ScreenCommand
{
    public static Command Create()
    {
        var asOf = new Option<string>("--as-of") { Description = "The as-of date (YYYY-MM-DD); default: today in the programme's time zone." };
        var from = new Option<string?>("--from") { Description = "File mode: screen this file or directory instead of the database (no server is used)." };
        var format = new Option<string?>("--format") { Description = "File mode input format: ndjson | synthea | hl7v2 | fhir | csv (default: detect)." };
        var rules = new Option<string?>("--rules") { Description = "File mode: rule file to use (default: seeds/rules.json)." };
        var output = new Option<string?>("--out") { Description = "File mode: where findings NDJSON goes ('-' = stdout, the default)." };
        var full = new Option<bool>("--full")
        {
            Description = "Re-evaluate every patient instead of reusing stored outcomes that still hold on the as-of date (same decisions, slower).",
        };
        var command = new Command("screen",
            "Screen the population as of a date and reconcile outreach tasks (the nightly job, on demand); with --from, screen plain files instead.")
            { asOf, from, format, rules, output, full };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            if (parse.GetValue(from) is { } path)
                return await FileScreenCommand.RunAsync(ScreeningHost.Clock(CliExecution.HostArgs(parse)), path, parse.GetValue(format), parse.GetValue(asOf),
                    parse.GetValue(rules), parse.GetValue(output), ct);
            var date = CliExecution.ParseDate(parse.GetValue(asOf), "--as-of");
            using var app = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), HostRole.Screen).Build();
            await app.StartAsync(ct);
            var result = await RunAsync(app.Services, date, "cli", ct, parse.GetValue(full));
            await app.StopAsync(ct);
            return result.AlreadyRunning ? 3 : 0;
        }));
        return command;
    }

    /// <summary>Runs one screen, announces its task events and prints the summary (shared with the demo).</summary>
    public static async Task<ScreeningRunResult> RunAsync(IServiceProvider services, DateOnly? asOf, string trigger, CancellationToken ct,
        bool reevaluateAll = false)
    {
        var date = asOf ?? services.GetRequiredService<ScreeningClock>().Today;
        var (result, announced) = await services.GetRequiredService<ScreenAndAnnounce>().RunAsync(date, trigger, reevaluateAll, ct);
        if (result.AlreadyRunning)
        {
            await Console.Error.WriteLineAsync($"Another screen is running on this database; nothing was done for {date:yyyy-MM-dd}.");
            return result;
        }
        RunSummaryView.Print(result, announced);
        return result;
    }
}

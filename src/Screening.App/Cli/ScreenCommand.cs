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
        var output = new Option<string?>("--out")
        {
            Description = "File mode: where findings NDJSON goes ('-' = stdout, the default). What-if: the affected patients, CSV or JSON by extension.",
        };
        var whatIf = new Option<string?>("--what-if")
        {
            Description = "Screen the database with this candidate rule file in a read-only transaction and print what would open, close or change priority; writes nothing.",
        };
        var full = new Option<bool>("--full")
        {
            Description = "Re-evaluate every patient instead of reusing stored outcomes that still hold on the as-of date (same decisions, slower).",
        };
        var command = new Command("screen",
            "Screen the population as of a date and reconcile outreach tasks (the nightly job, on demand); with --from, screen plain files instead.")
            { asOf, from, format, rules, output, full, whatIf };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            if (parse.GetValue(whatIf) is { } candidate)
            {
                if (parse.GetValue(from) is not null || parse.GetValue(rules) is not null)
                    return await Refuse("screen: --what-if screens the database with its own rule file; it cannot be combined with --from or --rules.");
                return await WhatIfCommand.RunAsync(CliExecution.HostArgs(parse), candidate, parse.GetValue(asOf), parse.GetValue(output), ct);
            }
            if (parse.GetValue(from) is { } path)
                return await FileScreenCommand.RunAsync(ScreeningHost.Clock(CliExecution.HostArgs(parse)), path, parse.GetValue(format), parse.GetValue(asOf),
                    parse.GetValue(rules), parse.GetValue(output), ct);
            if (parse.GetValue(rules) is not null)
                return await Refuse("screen: --rules applies to file mode (--from) only; to see what a rule file would change in the database, use --what-if RULES.json (writes nothing).");
            var date = CliExecution.ParseDate(parse.GetValue(asOf), "--as-of");
            using var app = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), HostRole.Screen).Build();
            await app.StartAsync(ct);
            var result = await RunAsync(app.Services, date, "cli", ct, parse.GetValue(full));
            await app.StopAsync(ct);
            return result.AlreadyRunning ? 3 : 0;
        }));
        return command;
    }

    /// <summary>A usage mistake that would otherwise run a real screen with other rules: one line on stderr, exit 2.</summary>
    private static async Task<int> Refuse(string message)
    {
        await Console.Error.WriteLineAsync(message);
        return 2;
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

using System.CommandLine;
using Screening.App.Hosting;
using Screening.Data.Outbox;
using Screening.Data.Screening;

namespace Screening.App.Cli;

public static class ScreenCommand
{
    public static Command Create()
    {
        var asOf = new Option<string>("--as-of") { Description = "The as-of date (YYYY-MM-DD); default: today in the programme's time zone." };
        var command = new Command("screen", "Screen the population as of a date and reconcile outreach tasks (the nightly job, on demand).") { asOf };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            var date = CliExecution.ParseDate(parse.GetValue(asOf), "--as-of");
            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Screen).Build();
            await app.StartAsync(ct);
            var result = await RunAsync(app.Services, date, "cli", ct);
            await app.StopAsync(ct);
            return result.AlreadyRunning ? 3 : 0;
        }));
        return command;
    }

    /// <summary>Runs one screen, announces its task events and prints the summary (shared with the demo).</summary>
    public static async Task<ScreeningRunResult> RunAsync(IServiceProvider services, DateOnly? asOf, string trigger, CancellationToken ct)
    {
        var date = asOf ?? services.GetRequiredService<ScreeningClock>().Today;
        var result = await services.GetRequiredService<PopulationScreen>().RunAsync(date, trigger, ct);
        var announced = await services.GetRequiredService<TaskEventDispatcher>().DispatchPendingAsync(ct);
        if (result.AlreadyRunning)
        {
            await Console.Error.WriteLineAsync($"Another screen is running on this database; nothing was done for {date:yyyy-MM-dd}.");
            return result;
        }
        RunSummaryView.Print(result, announced);
        return result;
    }
}

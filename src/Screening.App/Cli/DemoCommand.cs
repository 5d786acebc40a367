using System.CommandLine;
using MassTransit;
using Screening.App.Demo;
using Screening.App.Hosting;
using Screening.App.Messaging;
using Screening.Contracts;
using Screening.Data.Platform;
using Spectre.Console;

namespace Screening.App.Cli;

public static class DemoCommand
{
    public static Command Create()
    {
        var asOf = new Option<string>("--as-of") { Description = "Screen as of this date (YYYY-MM-DD); default: today." };
        var patients = new Option<int?>("--patients") { Description = "Override the demo population size from seeds/demo-population.json." };
        var command = new Command("demo", "Migrate, load the synthetic demo population through RabbitMQ, screen, and summarise.") { asOf, patients };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            var date = CliExecution.ParseDate(parse.GetValue(asOf), "--as-of");
            var settings = DemoSettings.Load(Path.Combine(AppContext.BaseDirectory, "seeds", "demo-population.json"));
            if (parse.GetValue(patients) is { } n) settings = settings with { Patients = n };

            using var app = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), HostRole.Demo, Serilog.Events.LogEventLevel.Warning).Build();
            var migrated = await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(SqlMigration.Embedded(), ct);
            AnsiConsole.MarkupLine($"[green]✓[/] database migrated ({migrated.Count} new migration(s))");
            var (teams, rules) = await Screening.Data.Attribution.AttributionSeed.ApplyAsync(app.Services.GetRequiredService<Npgsql.NpgsqlDataSource>(),
                TeamsCommand.DefaultSeed, "demo", ct);
            AnsiConsole.MarkupLine($"[green]✓[/] care teams and attribution rules from seeds/attribution.json ({teams} team(s), {rules} rule(s) new)");
            await app.StartAsync(ct);

            var (accepted, duplicates) = await LoadAsync(app.Services, settings, ct);
            AnsiConsole.MarkupLine($"[green]✓[/] {settings.Patients:N0} patients loaded through {Queues.Records}: {accepted:N0} new results, {duplicates:N0} already stored");

            await ScreenCommand.RunAsync(app.Services, date, "demo", ct);
            await Screening.App.Web.Auth.DemoUsers.EnsureAsync(app.Services, ct);
            await DemoSummary.PrintAsync(app.Services, ct);
            await app.StopAsync(ct);
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Sends every batch as a request to the records exchange and waits for each worker's reply (this process's
    /// consumer or a running worker's), a few in flight at a time, so the screen starts only once all is stored.
    /// </summary>
    private static async Task<(long Accepted, long Duplicates)> LoadAsync(IServiceProvider services, DemoSettings settings, CancellationToken ct)
    {
        var client = services.GetRequiredService<IBus>().CreateRequestClient<ClinicalRecordsReported>(
            new Uri($"exchange:{Queues.Records}"), RequestTimeout.After(m: 10));
        var population = new SyntheticPopulation(settings.Seed, settings.AnchorDate, settings.ResultsPerPatient);
        var batches = (settings.Patients + settings.PatientsPerMessage - 1) / settings.PatientsPerMessage;
        long accepted = 0, duplicates = 0;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("loading the demo population through RabbitMQ", maxValue: batches);
            using var gate = new SemaphoreSlim(4);
            var pending = new List<Task>();
            foreach (var batch in population.Batches(settings.Patients, settings.PatientsPerMessage))
            {
                await gate.WaitAsync(ct);
                pending.Add(Task.Run(async () =>
                {
                    try
                    {
                        var reply = (await client.GetResponse<ClinicalRecordsIngested>(batch, ct)).Message;
                        Interlocked.Add(ref accepted, reply.Accepted);
                        Interlocked.Add(ref duplicates, reply.Duplicates);
                        task.Increment(1);
                    }
                    finally { gate.Release(); }
                }, ct));
            }
            await Task.WhenAll(pending);
        });
        return (accepted, duplicates);
    }
}

using System.CommandLine;
using MassTransit;
using Screening.App.Demo;
using Screening.App.Hosting;
using Screening.App.Messaging;
using Screening.Data.Migrations;
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

            using var app = ScreeningHost.CreateBuilder(Program.Args, HostRole.Demo, Serilog.Events.LogEventLevel.Warning).Build();
            var migrated = await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(SqlMigration.Embedded(), ct);
            AnsiConsole.MarkupLine($"[green]✓[/] database migrated ({migrated.Count} new migration(s))");
            await app.StartAsync(ct);

            var published = await PublishAsync(app.Services, settings, ct);
            var progress = app.Services.GetRequiredService<IngestProgress>();
            if (!await progress.WaitForAsync(published, TimeSpan.FromMinutes(10), ct))
                AnsiConsole.MarkupLine("[yellow]![/] not every batch was consumed here within 10 minutes (is another worker consuming the queue?)");
            AnsiConsole.MarkupLine($"[green]✓[/] {settings.Patients:N0} patients consumed from RabbitMQ and stored");

            await ScreenCommand.RunAsync(app.Services, date, "demo", ct);
            await Screening.App.Web.Auth.DemoUsers.EnsureAsync(app.Services, ct);
            await DemoSummary.PrintAsync(app.Services, ct);
            await app.StopAsync(ct);
            return 0;
        }));
        return command;
    }

    private static async Task<long> PublishAsync(IServiceProvider services, DemoSettings settings, CancellationToken ct)
    {
        var bus = services.GetRequiredService<IBus>();
        var population = new SyntheticPopulation(settings.Seed, settings.AnchorDate, settings.ResultsPerPatient);
        var batches = (settings.Patients + settings.PatientsPerMessage - 1) / settings.PatientsPerMessage;
        long sent = 0;
        await AnsiConsole.Progress().AutoClear(true).StartAsync(async ctx =>
        {
            var task = ctx.AddTask("publishing the demo population to RabbitMQ", maxValue: batches);
            foreach (var batch in population.Batches(settings.Patients, settings.PatientsPerMessage))
            {
                await bus.Publish(batch, ct);
                sent++;
                task.Increment(1);
            }
        });
        AnsiConsole.MarkupLine($"[green]✓[/] published {sent} batch message(s) to {Queues.Records}");
        return sent;
    }
}

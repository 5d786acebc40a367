using System.CommandLine;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Screening.App.Hosting;
using Screening.App.Options;
using Screening.Data.Migrations;

namespace Screening.App.Cli;

public static class WorkerCommand
{
    public static Command Create()
    {
        var urls = new Option<string>("--urls") { Description = "Where the health endpoints listen.", DefaultValueFactory = _ => "http://127.0.0.1:5081" };
        var command = new Command("worker", "Run ingest consumers, the nightly screen scheduler (clustered) and the task event dispatcher.") { urls };
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            var builder = ScreeningHost.CreateWebBuilder(Program.Args, HostRole.Worker);
            builder.WebHost.UseUrls(parse.GetValue(urls)!);
            await using var app = builder.Build();
            if (app.Services.GetRequiredService<ScreeningSettings>().Database.MigrateOnStart)
                await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(SqlMigration.Embedded(), ct);
            app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false });
            // Ready means every dependency answers and the consumers run: Degraded (e.g. the bus reconnecting) is 503 too.
            app.MapHealthChecks("/health/ready", new HealthCheckOptions
            {
                Predicate = r => r.Tags.Contains("ready"),
                ResultStatusCodes =
                {
                    [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Healthy] = StatusCodes.Status200OK,
                    [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded] = StatusCodes.Status503ServiceUnavailable,
                    [Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Unhealthy] = StatusCodes.Status503ServiceUnavailable,
                },
            });
            await app.RunAsync(ct);
            return 0;
        }));
        return command;
    }
}

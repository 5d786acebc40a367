using System.CommandLine;
using Screening.App.Hosting;
using Screening.Data.Platform;

namespace Screening.App.Cli;

public static class MigrateCommand
{
    public static Command Create()
    {
        var command = new Command("migrate", "Apply pending SQL migrations (journal with checksums, advisory lock, one transaction per file).");
        command.SetAction((parse, ct) => CliExecution.RunAsync(async () =>
        {
            using var app = ScreeningHost.CreateBuilder(CliExecution.HostArgs(parse), HostRole.Migrate).Build();
            var applied = await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(SqlMigration.Embedded(), ct);
            Console.WriteLine(applied.Count == 0
                ? "Database is up to date."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied.Select(m => $"V{m.Version:0000}__{m.Name}"))}");
            return 0;
        }));
        return command;
    }
}

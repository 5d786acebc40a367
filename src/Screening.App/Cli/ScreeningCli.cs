using System.CommandLine;

namespace Screening.App.Cli;

/// <summary>The verb tree of the `screening` executable.</summary>
public static class ScreeningCli
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Screening: event-driven population screening for persistent anemia, persistent hypocalcemia and overdue DXA.")
        {
            new Option<bool>("--log-json") { Description = "Write logs as one JSON object per line (stderr).", Recursive = true },
            MigrateCommand.Create(),
            WorkerCommand.Create(),
            MllpCommand.Create(),
            ScreenCommand.Create(),
            TasksCommand.Create(),
            RunsCommand.Create(),
            RulesCommand.Create(),
            MeasuresCommand.Create(),
            DemoCommand.Create(),
            ImportCommand.Create(),
            RejectsCommand.Create(),
            SeedCommand.Create(),
            WebCommand.Create(),
            UsersCommand.Create(),
            AuditCommand.Create(),
            PatientsCommand.Create(),
            TeamsCommand.Create(),
        };
        return root;
    }
}

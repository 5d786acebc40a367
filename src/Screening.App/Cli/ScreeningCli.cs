using System.CommandLine;

namespace Screening.App.Cli;

/// <summary>The verb tree of the `screening` executable.</summary>
public static class ScreeningCli
{
    /// <summary>The one switch every verb hands to its host (verbs parse their own options).</summary>
    public static readonly Option<bool> LogJson = new("--log-json") { Description = "Write logs as one JSON object per line (stderr).", Recursive = true };

    public static RootCommand Create()
    {
        var root = new RootCommand("Screening: event-driven population screening for persistent anemia, persistent hypocalcemia and overdue DXA.")
        {
            LogJson,
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

using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.Domain.Screening;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>Prints a screening run's summary as a small table.</summary>
public static class RunSummaryView
{
    public static void Print(ScreeningRunResult r, int announced)
    {
        var table = new Table().Title($"Screen {r.RunId} as of {r.AsOf:yyyy-MM-dd} (rules {r.RuleVersion})").AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("patients screened", r.PatientsScreened.ToString("N0"));
        table.AddRow("  re-evaluated (others: stored outcome still holds)", r.PatientsEvaluated.ToString("N0"));
        foreach (var rule in RuleIds.Nightly) table.AddRow($"findings: {rule}", r.FindingsByRule.GetValueOrDefault(rule).ToString("N0"));
        table.AddRow("tasks opened", r.TasksOpened.ToString("N0"));
        table.AddRow("tasks updated", r.TasksUpdated.ToString("N0"));
        table.AddRow("tasks reopened (snooze ended)", r.TasksReopened.ToString("N0"));
        table.AddRow("tasks closed", r.TasksClosed.ToString("N0"));
        table.AddRow("events announced", announced.ToString("N0"));
        table.AddRow("duration", $"{r.Duration.TotalSeconds:0.0} s");
        AnsiConsole.Write(table);
    }
}

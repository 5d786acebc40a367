using Screening.App.Feeds;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>The end-of-import summary: what the workers stored, counted; no PHI.</summary>
public static class ImportSummaryView
{
    public static void Print(ImportSummary s)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("import").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("sources", s.Sources.ToString("N0"));
        table.AddRow("batches (confirmed/published)", $"{s.Confirmed:N0}/{s.Batches:N0}");
        table.AddRow("records read", s.UnitsRead.ToString("N0"));
        table.AddRow("[green]accepted[/] (new result versions)", s.Accepted.ToString("N0"));
        table.AddRow("duplicate", s.Duplicates.ToString("N0"));
        table.AddRow("ignored (non-target, unused)", s.Ignored.ToString("N0"));
        table.AddRow(s.Rejected > 0 ? "[yellow]rejected[/]" : "rejected", s.Rejected.ToString("N0"));
        foreach (var (reason, count) in s.RejectedByReason) table.AddRow($"  {Markup.Escape(reason)}", count.ToString("N0"));
        table.AddRow("patients recomputed", s.PatientsTouched.ToString("N0"));
        table.AddRow("elapsed", $"{s.Elapsed.TotalSeconds:F1} s ({s.UnitsPerSecond:N0} records/s)");
        AnsiConsole.Write(table);
        if (s.Rejected > 0) AnsiConsole.MarkupLine("[grey]see them with 'screening rejects list'; fix mappings, then 'screening rejects replay'[/]");
        if (s.Unconfirmed > 0)
            AnsiConsole.MarkupLine($"[yellow]![/] {s.Unconfirmed} batch(es) published but not confirmed in time: still queued, a worker stores them; re-running is safe.");
        if (s.Failed > 0)
            AnsiConsole.MarkupLine($"[red]✗[/] {s.Failed} batch(es) could not be published ({Markup.Escape(s.FirstError ?? "")}); re-run the import.");
    }
}

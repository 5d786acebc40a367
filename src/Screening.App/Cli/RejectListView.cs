using System.Globalization;
using System.Text.Json;
using Screening.Data.Rejects;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>Renders rejects: counts per reason first, then rows (never payloads); one reject in detail; a replay's counts.</summary>
public static class RejectListView
{
    public static void Write(IReadOnlyList<(string Reason, long Count)> counts, IReadOnlyList<RejectRow> rows, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(new
                {
                    countsByReason = counts.ToDictionary(c => c.Reason, c => c.Count),
                    rejects = rows,
                }, new JsonSerializerOptions(JsonSerializerDefaults.Web) { WriteIndented = true }));
                break;
            case OutputFormat.Csv:
                foreach (var (reason, count) in counts) Console.Error.WriteLine($"# {reason}: {count}");
                output.WriteLine("id,received_at,source,format,reason_code,location,status,detail,replay_note");
                foreach (var r in rows)
                    output.WriteLine(string.Join(',', r.Id.ToString(CultureInfo.InvariantCulture), r.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
                        CsvField.Escape(r.Source), r.Format, CsvField.Escape(r.ReasonCode), CsvField.Escape(r.Location), r.Status, CsvField.Escape(r.Detail), CsvField.Escape(r.ReplayNote ?? "")));
                break;
            default:
                var totals = new Table().Border(TableBorder.Rounded).AddColumn("reason").AddColumn(new TableColumn("count").RightAligned());
                foreach (var (reason, count) in counts) totals.AddRow(Markup.Escape(reason), count.ToString("N0", CultureInfo.InvariantCulture));
                if (counts.Count == 0) totals.AddRow("[grey](none)[/]", "0");
                AnsiConsole.Write(totals);
                var table = new Table().Border(TableBorder.Simple);
                foreach (var column in new[] { "id", "received", "source", "format", "reason", "location", "status", "detail" }) table.AddColumn(column);
                foreach (var r in rows)
                    table.AddRow(r.Id.ToString(CultureInfo.InvariantCulture), r.ReceivedAt.ToLocalTime().ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture),
                        Markup.Escape(r.Source), r.Format, Markup.Escape(r.ReasonCode), Markup.Escape(r.Location), r.Status,
                        Markup.Escape(Short(r.Status == "rejected" ? r.Detail : $"{r.Detail} [{r.ReplayNote}]")));
                AnsiConsole.Write(table);
                break;
        }
    }

    public static void WriteDetail(RejectDetail d, TextWriter output)
    {
        var r = d.Row;
        output.WriteLine($"id:          {r.Id}");
        output.WriteLine($"received:    {r.ReceivedAt:O}");
        output.WriteLine($"source:      {r.Source} ({r.Format})");
        output.WriteLine($"reason:      {r.ReasonCode}");
        output.WriteLine($"detail:      {r.Detail}");
        output.WriteLine($"location:    {r.Location}");
        output.WriteLine($"status:      {r.Status}{(r.ReplayedAt is { } at ? $" at {at:O}: {r.ReplayNote}" : "")}");
        output.WriteLine($"payload ({d.Payload.Length} chars, sha256 {d.PayloadHash[..16]}…; PHI, this view was audited):");
        output.WriteLine(d.Payload.Replace("\r\n", "\n").Replace('\r', '\n'));
    }

    public static void WriteReplay(ReplaySummary s)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumn("replay").AddColumn(new TableColumn("count").RightAligned());
        table.AddRow("payloads re-read", s.Payloads.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("reject rows replayed", s.Rows.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("[green]  → replayed[/]", s.Replayed.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("[yellow]  → rejected-again[/]", s.RejectedAgain.ToString("N0", CultureInfo.InvariantCulture));
        if (s.Skipped > 0) table.AddRow("skipped (replayed concurrently)", s.Skipped.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("results accepted", s.Accepted.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("duplicate", s.Duplicates.ToString("N0", CultureInfo.InvariantCulture));
        table.AddRow("ignored", s.Ignored.ToString("N0", CultureInfo.InvariantCulture));
        foreach (var (reason, count) in s.StillRejectedByReason.OrderBy(p => p.Key, StringComparer.Ordinal))
            table.AddRow($"  still rejected: {Markup.Escape(reason)}", count.ToString("N0", CultureInfo.InvariantCulture));
        AnsiConsole.Write(table);
    }

    private static string Short(string text) => text.Length <= 80 ? text : text[..77] + "…";

}

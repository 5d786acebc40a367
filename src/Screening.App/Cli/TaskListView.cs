using System.Globalization;
using System.Text.Json;
using Screening.Data.Platform;
using Screening.Data.Model;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>Writes tasks as a table, CSV (RFC 4180) or JSON. Patients appear by internal key only.</summary>
public static class TaskListView
{
    private static readonly string[] Columns =
        ["task_id", "patient_key", "rule", "status", "priority", "care_team", "since", "due_date", "opened_at", "rule_version", "summary"];

    public static void Write(IReadOnlyList<OutreachTask> tasks, OutputFormat format, TextWriter output)
    {
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(tasks.Select(Row), new JsonSerializerOptions(JsonDefaults.Options) { WriteIndented = true }));
                break;
            case OutputFormat.Csv:
                output.WriteLine(string.Join(',', Columns));
                foreach (var t in tasks) output.WriteLine(string.Join(',', Values(t).Select(CsvField.Escape)));
                break;
            default:
                var table = new Table().AddColumns("task", "patient", "rule", "status", "priority", "team", "since", "due", "summary");
                foreach (var t in tasks)
                    table.AddRow(Markup.Escape(t.Id.ToString(CultureInfo.InvariantCulture)), t.PatientKey.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(t.RuleId), Markup.Escape(t.Status), Markup.Escape(t.Priority), Markup.Escape(t.CareTeam),
                        t.Since?.ToString("yyyy-MM-dd") ?? "", t.DueDate?.ToString("yyyy-MM-dd") ?? "", Markup.Escape(t.Summary));
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine($"[grey]{tasks.Count} task(s)[/]");
                break;
        }
    }

    private static object Row(OutreachTask t) => new
    {
        taskId = t.Id, patientKey = t.PatientKey, rule = t.RuleId, status = t.Status, priority = t.Priority, careTeam = t.CareTeam,
        since = t.Since, dueDate = t.DueDate, openedAt = t.OpenedAt, ruleVersion = t.RuleVersion, summary = t.Summary,
        closeReason = t.CloseReason, finding = JsonDocument.Parse(t.Finding).RootElement,
    };

    private static IEnumerable<string> Values(OutreachTask t) =>
    [
        t.Id.ToString(CultureInfo.InvariantCulture), t.PatientKey.ToString(CultureInfo.InvariantCulture), t.RuleId, t.Status, t.Priority,
        t.CareTeam, t.Since?.ToString("yyyy-MM-dd") ?? "", t.DueDate?.ToString("yyyy-MM-dd") ?? "", t.OpenedAt.ToString("O"), t.RuleVersion, t.Summary,
    ];

}

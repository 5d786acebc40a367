using System.Globalization;
using System.Text.Json;
using Screening.Data.Platform;
using Screening.Data.Model;
using Screening.Data.Patients;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>Writes tasks as a table, CSV (RFC 4180) or JSON, each with whom to call (name, birth date and age, MRN, phone).</summary>
public static class TaskListView
{
    private static readonly string[] Columns =
        ["task_id", "patient_key", "rule", "status", "priority", "care_team", "since", "due_date", "opened_at", "rule_version", "summary",
         "patient_name", "birth_date", "age", "mrn", "phone"];

    public static void Write(IReadOnlyList<OutreachTask> tasks, IReadOnlyDictionary<long, PatientCard> cards, OutputFormat format, DateOnly today, TextWriter output)
    {
        PatientCard? Card(OutreachTask t) => cards.GetValueOrDefault(t.PatientKey);
        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(JsonSerializer.Serialize(tasks.Select(t => Row(t, Card(t), today)), new JsonSerializerOptions(JsonDefaults.Options) { WriteIndented = true }));
                break;
            case OutputFormat.Csv:
                output.WriteLine(string.Join(',', Columns));
                foreach (var t in tasks) output.WriteLine(string.Join(',', Values(t, Card(t), today).Select(CsvField.Escape)));
                break;
            default:
                var table = new Table().AddColumns("task", "patient", "name", "born (age)", "MRN", "phone", "rule", "status", "priority", "team", "since", "due", "summary");
                foreach (var t in tasks)
                    table.AddRow(Markup.Escape(t.Id.ToString(CultureInfo.InvariantCulture)), t.PatientKey.ToString(CultureInfo.InvariantCulture),
                        Markup.Escape(Card(t)?.DisplayName ?? ""), Born(Card(t), today), Markup.Escape(Card(t)?.Mrn ?? ""), Markup.Escape(Card(t)?.Phone ?? ""),
                        Markup.Escape(t.RuleId), Markup.Escape(t.Status), Markup.Escape(t.Priority), Markup.Escape(t.CareTeam),
                        t.Since?.ToString("yyyy-MM-dd") ?? "", t.DueDate?.ToString("yyyy-MM-dd") ?? "", Markup.Escape(t.Summary));
                AnsiConsole.Write(table);
                AnsiConsole.MarkupLine($"[grey]{tasks.Count} task(s)[/]");
                break;
        }
    }

    private static string Born(PatientCard? c, DateOnly today) =>
        c?.BirthDate is { } birth ? $"{birth:yyyy-MM-dd} ({c.AgeOn(today)})" : "";

    private static object Row(OutreachTask t, PatientCard? card, DateOnly today) => new
    {
        patient = card is null ? null : PatientView.CardJson(card, today),
        taskId = t.Id, patientKey = t.PatientKey, rule = t.RuleId, status = t.Status, priority = t.Priority, careTeam = t.CareTeam,
        since = t.Since, dueDate = t.DueDate, openedAt = t.OpenedAt, ruleVersion = t.RuleVersion, summary = t.Summary,
        closeReason = t.CloseReason, finding = JsonDocument.Parse(t.Finding).RootElement,
    };

    private static IEnumerable<string> Values(OutreachTask t, PatientCard? c, DateOnly today) =>
    [
        t.Id.ToString(CultureInfo.InvariantCulture), t.PatientKey.ToString(CultureInfo.InvariantCulture), t.RuleId, t.Status, t.Priority,
        t.CareTeam, t.Since?.ToString("yyyy-MM-dd") ?? "", t.DueDate?.ToString("yyyy-MM-dd") ?? "", t.OpenedAt.ToString("O"), t.RuleVersion, t.Summary,
        c?.DisplayName ?? "", c?.BirthDate?.ToString("yyyy-MM-dd") ?? "", c?.AgeOn(today)?.ToString(CultureInfo.InvariantCulture) ?? "", c?.Mrn ?? "", c?.Phone ?? "",
    ];

}

using System.Globalization;
using System.Text;

namespace Screening.App.Web.Worklist;

/// <summary>RFC 4180 CSV of worklist rows (internal patient keys only; no names or external ids).</summary>
public static class WorklistCsv
{
    public const string Header = "task_id,patient_key,rule,status,priority,care_team,sex,age,since,due_date,snoozed_until,opened_at,summary";

    public static string Write(IEnumerable<WorklistRow> rows)
    {
        var sb = new StringBuilder(Header).Append("\r\n");
        foreach (var r in rows)
        {
            string[] values =
            [
                r.TaskId.ToString(CultureInfo.InvariantCulture), r.PatientKey.ToString(CultureInfo.InvariantCulture), r.Rule, r.Status, r.Priority,
                r.CareTeam, r.Sex, r.Age?.ToString(CultureInfo.InvariantCulture) ?? "", Date(r.Since), Date(r.DueDate), Date(r.SnoozedUntil),
                r.OpenedAt.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture), r.Summary,
            ];
            sb.AppendJoin(',', values.Select(Field)).Append("\r\n");
        }
        return sb.ToString();
    }

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";

    private static string Field(string value) => Cli.CsvField.Escape(value);
}

using System.Text.Json;
using Screening.Domain.Screening;

namespace Screening.Interop.FileMode;

/// <summary>One finding as one NDJSON line (the file-mode output format).</summary>
internal static class FindingJson
{
    public static string Line(Finding finding)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("patientId", finding.PatientId);
            json.WriteString("rule", finding.Rule);
            json.WriteString("asOf", Day(finding.AsOf));
            if (finding.Since is { } since) json.WriteString("since", Day(since)); else json.WriteNull("since");
            if (finding.Lowest is { } lowest)
            {
                json.WriteStartObject("lowest");
                json.WriteNumber("value", lowest.Value);
                json.WriteString("unit", lowest.Unit);
                json.WriteString("at", Day(lowest.At));
                json.WriteEndObject();
            }
            else json.WriteNull("lowest");
            json.WriteStartArray("evidence");
            foreach (var item in finding.Evidence) json.WriteStringValue(item.ResultId);
            json.WriteEndArray();
            json.WriteString("priority", finding.Priority.ToString().ToLowerInvariant());
            json.WriteString("ruleVersion", finding.RuleVersion);
            if (finding.DueDate is { } due) json.WriteString("dueDate", Day(due));
            json.WriteString("summary", finding.Summary);
            json.WriteStartObject("details");
            foreach (var (key, value) in finding.Details.OrderBy(p => p.Key, StringComparer.Ordinal)) json.WriteString(key, value);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        return System.Text.Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}

using System.Text.Json.Nodes;
using Screening.Data.Model;

namespace Screening.App.Web.Api;

/// <summary>The API's shape of a task (camelCase). The stored finding is included without the source patient id.</summary>
public static class TaskJson
{
    public static object From(OutreachTask t, bool withFinding) => new
    {
        id = t.Id, patientKey = t.PatientKey, rule = t.RuleId, status = t.Status, priority = t.Priority, careTeam = t.CareTeam,
        since = t.Since, dueDate = t.DueDate, snoozedUntil = t.SnoozedUntil, openedAt = t.OpenedAt, updatedAt = t.UpdatedAt,
        closedAt = t.ClosedAt, closeReason = t.CloseReason, outcome = t.Outcome, ruleVersion = t.RuleVersion, rowVersion = t.RowVersion,
        summary = t.Summary, finding = withFinding ? Finding(t.Finding) : null,
    };

    public static object From(Web.Worklist.WorklistRow r) => new
    {
        id = r.TaskId, patientKey = r.PatientKey, rule = r.Rule, status = r.Status, priority = r.Priority, careTeam = r.CareTeam,
        since = r.Since, dueDate = r.DueDate, snoozedUntil = r.SnoozedUntil, openedAt = r.OpenedAt, summary = r.Summary, sex = r.Sex, age = r.Age,
    };

    public static object Event(OutreachTaskEvent e) => new
    {
        id = e.Id, taskId = e.TaskId, kind = e.Kind, actor = e.Actor, occurredAt = e.OccurredAt, detail = JsonNode.Parse(e.Detail),
    };

    private static JsonNode? Finding(string json)
    {
        var node = JsonNode.Parse(json);
        if (node is JsonObject o) o.Remove("patientId");
        return node;
    }
}

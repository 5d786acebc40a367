using System.Text;
using Screening.App.Web.Actions;
using Screening.App.Web.Shared;
using Screening.Data.Model;
using Screening.Domain.Screening;
using static Screening.App.Web.Shared.Html;
using Screening.Domain.Codes;
using Screening.Domain.Catalog;
using Screening.Domain.Rules;

namespace Screening.App.Web.Patients;

/// <summary>One task on the patient page: why (rule, version, evidence, work-up), the actions, and its history.</summary>
public static class TaskCard
{
    public static string Render(HttpContext ctx, OutreachTask t, Finding? f, IEnumerable<OutreachTaskEvent> events, IReadOnlyList<string> teams, DateOnly today,
        RuleSet rules)
    {
        var sb = new StringBuilder($"<section class=\"card\" id=\"task-{t.Id}\">");
        sb.Append($"<h2>Task #{t.Id} · {E(t.RuleId)} <span class=\"pill p-{E(t.Priority)}\">{E(t.Priority)}</span> <span class=\"pill status\">{E(t.Status)}</span></h2>");
        sb.Append($"<p><b>{E(t.Summary)}</b></p><div class=\"facts\">");
        sb.Append($"<div><span>Team</span>{E(t.CareTeam)}</div><div><span>Since</span>{D(t.Since)}</div><div><span>Due</span>{D(t.DueDate)}</div>");
        sb.Append($"<div><span>Opened</span>{D(t.OpenedAt)}</div>");
        if (t.SnoozedUntil is { } until) sb.Append($"<div><span>Snoozed until</span>{D(until)}</div>");
        if (t.CloseReason is not null) sb.Append($"<div><span>Closed</span>{E(t.CloseReason)} · {D(t.ClosedAt)}</div>");
        sb.Append("</div>");
        sb.Append($"<p class=\"rule\">{E(RuleCatalog.Describe(t.RuleId, rules))} <span class=\"muted\">Rule version {E(t.RuleVersion)}.</span></p>");
        if (f is not null)
        {
            if (f.Parameters.Count > 0)
                sb.Append("<p class=\"muted\">Parameters: ").AppendJoin("; ", f.Parameters.Select(p => $"{E(p.Key)} {E(p.Value)}")).Append("</p>");
            if (f.Evidence.Count == 0) sb.Append("<p class=\"muted\">No result evidence (e.g. never scanned): see the rule and dates above.</p>");
            else sb.Append("<table class=\"evidence\"><thead><tr><th>Evidence</th><th>Date</th><th>Value</th><th>Code</th><th>Note</th></tr></thead><tbody>");
            foreach (var e in f.Evidence)
                sb.Append($"<tr><td>{E(e.SourceSystem)} / {E(e.ResultId)}</td><td>{D(e.On)}</td><td>{E(Quantities.Of(e.Value, e.Unit))}</td><td>{E(e.Code)}</td><td>{E(e.Note)}</td></tr>");
            if (f.Evidence.Count > 0) sb.Append("</tbody></table>");
            if (f.SuggestedWorkup.Count > 0)
                sb.Append("<h3>Suggested work-up</h3><ul>").AppendJoin("", f.SuggestedWorkup.Select(w => $"<li>{E(w)}</li>")).Append("</ul>");
        }
        if (TaskStatuses.IsOpen(t.Status)) sb.Append(Actions(ctx, t, teams, today));
        sb.Append("<h3>History</h3><table class=\"history\"><thead><tr><th>When</th><th>What</th><th>Who</th><th>Detail</th></tr></thead><tbody>");
        foreach (var e in events)
            sb.Append($"<tr><td>{D(e.OccurredAt)}</td><td>{E(e.Kind)}</td><td>{E(e.Actor)}</td><td>{E(Detail(e.Detail))}</td></tr>");
        return sb.Append("</tbody></table></section>").ToString();
    }

    /// <summary>An event's JSON detail as "key: value; …" for people.</summary>
    private static string Detail(string json)
    {
        try
        {
            using var doc = System.Text.Json.JsonDocument.Parse(json);
            return doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object ? json
                : string.Join("; ", doc.RootElement.EnumerateObject().Where(p => p.Value.ValueKind != System.Text.Json.JsonValueKind.Null).Select(p => $"{p.Name}: {p.Value}"));
        }
        catch (System.Text.Json.JsonException) { return json; }
    }

    private static string Actions(HttpContext ctx, OutreachTask t, IReadOnlyList<string> teams, DateOnly today)
    {
        string Form(string kind, string label, string fields, string button) =>
            $"<details class=\"action\"><summary>{E(label)}</summary><form method=\"post\" action=\"/tasks/{t.Id}/{kind}\" class=\"stack\">" +
            $"{Csrf(ctx)}<input type=\"hidden\" name=\"rowVersion\" value=\"{t.RowVersion}\">{fields}<button type=\"submit\">{E(button)}</button></form></details>";
        var sb = new StringBuilder("<div class=\"actions\">");
        if (t.Status != TaskStatuses.InProgress)
            sb.Append($"<form method=\"post\" action=\"/tasks/{t.Id}/start\" class=\"inline\">{Csrf(ctx)}<input type=\"hidden\" name=\"rowVersion\" value=\"{t.RowVersion}\"><button type=\"submit\" name=\"go\" value=\"start\">Start</button></form> ");
        sb.Append(Form("complete", "Complete", $"<label>Outcome<select name=\"outcome\" required>{Choices(ActionLists.Outcomes, null)}</select></label><label>Note<input name=\"note\" maxlength=\"2000\"></label>", "Complete task"));
        sb.Append(Form("dismiss", "Dismiss", $"<label>Reason<select name=\"reason\" required>{Choices(ActionLists.DismissReasons, null)}</select></label><label>Note<input name=\"note\" maxlength=\"2000\"></label>", "Dismiss task"));
        sb.Append(Form("snooze", "Snooze", $"<label>Until<input type=\"date\" name=\"until\" required value=\"{D(today.AddDays(30))}\" min=\"{D(today.AddDays(1))}\"></label><label>Reason<input name=\"note\" maxlength=\"2000\"></label>", "Snooze"));
        sb.Append(Form("reassign", "Reassign", $"<label>Team<select name=\"team\">{Choices(teams.Where(x => x != t.CareTeam), null, "choose…")}</select></label><label>Or team name<input name=\"otherTeam\" maxlength=\"64\"></label>", "Reassign"));
        sb.Append(Form("notes", "Add note", "<label>Note<textarea name=\"note\" rows=\"2\" cols=\"40\" maxlength=\"2000\" required></textarea></label>", "Add note"));
        return sb.Append("</div>").ToString();
    }
}

using System.Text;
using Screening.App.Web.Auth;
using Screening.App.Web.Shared;
using static Screening.App.Web.Shared.Html;

namespace Screening.App.Web.Worklist;

/// <summary>The worklist page: counts, filters, the task table and keyset paging.</summary>
public static class WorklistPage
{
    public static string Render(HttpContext ctx, WebUser user, WorklistFilter f, WorklistCounts counts, IReadOnlyList<WorklistRow> rows,
        string? next, IReadOnlyList<string> problems, IReadOnlyList<string> teams)
    {
        var sb = new StringBuilder();
        sb.Append($"<h1>Worklist <span class=\"muted\">· {E(f.Describe())}</span></h1>");
        if (ctx.Request.Query["done"].ToString() is { Length: > 0 } done) sb.Append($"<p class=\"flash\">{E(done)}</p>");
        foreach (var p in problems) sb.Append($"<p class=\"error\">{E(p)}</p>");
        sb.Append("<div class=\"counts\">");
        foreach (var (label, n) in new[] { ("matching", counts.Total), ("open", counts.Open), ("in progress", counts.InProgress),
                     ("snoozed", counts.Snoozed), ("high / urgent", counts.HighOrUrgent), ("past due date", counts.Overdue) })
            sb.Append($"<div class=\"count\"><b>{n:N0}</b>{E(label)}</div>");
        sb.Append("</div>");

        sb.Append("<form class=\"filters\" method=\"get\" action=\"/worklist\">");
        sb.Append($"<label>Rule<select name=\"rule\">{Choices(WorklistFilter.Rules, f.Rule, "any")}</select></label>");
        sb.Append($"<label>Status<select name=\"status\">{Choices(WorklistFilter.Statuses, f.Status)}</select></label>");
        sb.Append($"<label>Priority<select name=\"priority\">{Choices(WorklistFilter.Priorities, f.Priority, "any")}</select></label>");
        sb.Append($"<label>Due from<input type=\"date\" name=\"dueFrom\" value=\"{D(f.DueFrom)}\"></label>");
        sb.Append($"<label>Due to<input type=\"date\" name=\"dueTo\" value=\"{D(f.DueTo)}\"></label>");
        if (user.IsAdmin || user.Teams.Count > 1)
            sb.Append($"<label>Team<select name=\"team\">{Choices(teams, f.Team, user.IsAdmin ? "all teams" : "my teams")}</select></label>");
        sb.Append($"<label>Sort<select name=\"sort\">{Choices(WorklistFilter.Sorts, f.Sort)}</select></label>");
        sb.Append("<button type=\"submit\">Apply</button>");
        sb.Append($"<a class=\"button secondary\" href=\"/worklist.csv{E(f.ToQuery())}\">Export CSV</a></form>");

        sb.Append("<table id=\"worklist\"><thead><tr><th>Task</th><th>Patient</th><th>Sex / age</th><th>Rule</th><th>Priority</th><th>Status</th>");
        sb.Append("<th>Team</th><th>Due</th><th>Why</th></tr></thead><tbody>");
        foreach (var r in rows)
        {
            var status = r.Status == "snoozed" && r.SnoozedUntil is { } until ? $"snoozed until {D(until)}" : r.Status;
            sb.Append($"<tr><td>#{r.TaskId}</td><td><a href=\"/patients/{r.PatientKey}#task-{r.TaskId}\">patient {r.PatientKey}</a></td>");
            sb.Append($"<td>{E(r.Sex)} / {(r.Age?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?")}</td><td>{E(r.Rule)}</td>");
            sb.Append($"<td><span class=\"pill p-{E(r.Priority)}\">{E(r.Priority)}</span></td><td>{E(status)}</td><td>{E(r.CareTeam)}</td>");
            sb.Append($"<td>{D(r.DueDate)}</td><td>{E(r.Summary)}</td></tr>");
        }
        if (rows.Count == 0) sb.Append("<tr><td colspan=\"9\" class=\"muted\">No tasks match this filter.</td></tr>");
        sb.Append("</tbody></table><div class=\"pager\">");
        if (f.After is not null) sb.Append($"<a href=\"/worklist{E(f.ToQuery())}\">« first page</a>");
        if (next is not null) sb.Append($"<a id=\"next-page\" href=\"/worklist{E(f.ToQuery(next))}\">next page »</a>");
        return sb.Append("</div>").ToString();
    }
}

using System.Text;
using Screening.Data.Attribution;
using static Screening.App.Web.Shared.Html;

namespace Screening.App.Web.Teams;

/// <summary>The unassigned queue: filter, the patients (internal keys) with why they are unassigned, and the assign form.</summary>
public static class QueuePage
{
    public static string Render(HttpContext ctx, QueueFilter filter, IReadOnlyList<QueueRow> rows, long total, IReadOnlyList<string> teams, string? done)
    {
        var sb = new StringBuilder($"<h1>Unassigned patients <span class=\"count\" id=\"queue-total\">{E(total)}</span></h1>");
        if (!string.IsNullOrEmpty(done)) sb.Append($"<p class=\"done\" id=\"queue-done\">{E(done)}</p>");
        sb.Append($"""
            <form method="get" action="/queue" class="filters" id="queue-filter">
              <label>Source<input name="source" value="{E(filter.Source)}"></label>
              <label>Reason<input name="reason" value="{E(filter.Reason)}" placeholder="unknown-team: or no-rule-matched"></label>
              <label>Open task of rule<input name="rule" value="{E(filter.Rule)}"></label><button type="submit">Filter</button></form>
            <form method="post" action="/queue/assign" id="queue-assign">{Csrf(ctx)}
              <input type="hidden" name="source" value="{E(filter.Source)}"><input type="hidden" name="reason" value="{E(filter.Reason)}">
              <input type="hidden" name="rule" value="{E(filter.Rule)}">
              <table><thead><tr><th></th><th>patient</th><th>source</th><th>why unassigned</th><th>open tasks</th><th>since</th></tr></thead><tbody>
            """);
        foreach (var r in rows)
            sb.Append($"<tr{(r.Urgent ? " class=\"urgent\"" : "")}><td><input type=\"checkbox\" name=\"patient\" value=\"{E(r.PatientKey)}\"></td>" +
                      $"<td><a href=\"/patients/{E(r.PatientKey)}\">{E(r.PatientKey)}</a></td><td>{E(r.SourceSystem)}</td><td>{E(r.Reason ?? "")}</td>" +
                      $"<td>{E(r.OpenTasks)}{(r.Urgent ? " (urgent)" : "")}</td><td>{D(r.Since)}</td></tr>");
        if (rows.Count == 0) sb.Append("<tr><td colspan=\"6\">Nobody is waiting: every patient is on a team.</td></tr>");
        sb.Append($"""
              </tbody></table>
              <label>Team<select name="team" required>{Choices(teams, null, "choose…")}</select></label>
              <button type="submit" name="scope" value="selected">Assign selected</button>
              <button type="submit" name="scope" value="matching"{(filter.IsEmpty ? " disabled title=\"filter first\"" : "")}>Assign all {E(total)} matching the filter</button>
            </form>
            """);
        return sb.ToString();
    }
}

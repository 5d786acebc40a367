using System.Text;
using Screening.Data.Attribution;
using Screening.Domain.Attribution;
using static Screening.App.Web.Shared.Html;

namespace Screening.App.Web.Teams;

/// <summary>The admin page: teams (add, disable), attribution rules in precedence order (add, disable), panel import.</summary>
public static class TeamsAdminPage
{
    public static string Render(HttpContext ctx, IReadOnlyList<TeamRow> teams, IReadOnlyList<RuleRow> rules, string? done)
    {
        var active = teams.Where(t => t.Active && t.Id != CareTeamAttribution.Unassigned).Select(t => t.Id).ToList();
        var sb = new StringBuilder("<h1>Teams and attribution</h1>");
        if (!string.IsNullOrEmpty(done)) sb.Append($"<p class=\"done\" id=\"admin-done\">{E(done)}</p>");
        sb.Append("""
            <p>Precedence: panel line › team the source declares › PCP › location › managing organization › payer › unassigned queue.
            Rules apply as each patient's next message arrives; a panel import moves known patients at once. A coordinator's
            assignment stands until a person changes it.</p>
            <h2>Teams</h2><table id="teams"><thead><tr><th>team</th><th>name</th><th>active</th><th>patients</th><th>open tasks</th><th></th></tr></thead><tbody>
            """);
        foreach (var t in teams)
        {
            var action = t.Active && t.Id != CareTeamAttribution.Unassigned
                ? $"<form method=\"post\" action=\"/admin/teams/{Q(t.Id)}/disable\" class=\"inline\">{Csrf(ctx)}<button class=\"link\">disable</button></form>" : "";
            sb.Append($"<tr><td>{E(t.Id)}</td><td>{E(t.DisplayName)}</td><td>{(t.Active ? "yes" : "no")}</td><td>{E(t.Patients)}</td><td>{E(t.OpenTasks)}</td><td>{action}</td></tr>");
        }
        sb.Append($"""
            </tbody></table>
            <form method="post" action="/admin/teams" class="card stack" id="add-team">{Csrf(ctx)}
              <label>Team id<input name="id" required maxlength="64" pattern="[A-Za-z0-9._\-]+"></label>
              <label>Display name<input name="displayName" maxlength="200"></label><button type="submit">Add team</button></form>
            <h2>Rules</h2><table id="rules"><thead><tr><th>#</th><th>basis</th><th>value</th><th>team</th><th>note</th><th>by</th><th></th></tr></thead><tbody>
            """);
        foreach (var r in rules)
            sb.Append($"<tr><td>{E(r.Id)}</td><td>{E(r.Basis)}</td><td>{E(r.Value)}</td><td>{E(r.Team)}</td><td>{E(r.Note)}</td><td>{E(r.CreatedBy)}</td>" +
                      $"<td><form method=\"post\" action=\"/admin/rules/{E(r.Id)}/disable\" class=\"inline\">{Csrf(ctx)}<button class=\"link\">disable</button></form></td></tr>");
        sb.Append($"""
            </tbody></table>
            <form method="post" action="/admin/rules" class="card stack" id="add-rule">{Csrf(ctx)}
              <label>Basis<select name="basis">{Choices(AttributionBases.Codes, null)}</select></label>
              <label>Value<input name="value" required maxlength="200"></label>
              <label>Team<select name="team">{Choices(active, null)}</select></label>
              <label>Note<input name="note" maxlength="200"></label><button type="submit">Add rule</button></form>
            <h2>Panel import</h2>
            <form method="post" action="/admin/panels" class="card stack" id="import-panel">{Csrf(ctx)}
              <label>Panel name<input name="panel" required maxlength="64" pattern="[A-Za-z0-9._\-]+"></label>
              <label>Default issuing system (for bare values)<input name="system" maxlength="200"></label>
              <label>CSV (identifier,team; identifier is system|value)<textarea name="csv" rows="8" required></textarea></label>
              <button type="submit">Import (all lines or none)</button></form>
            """);
        return sb.ToString();
    }
}

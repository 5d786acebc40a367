using System.Text;
using Npgsql;
using Screening.App.Web.Auth;
using Screening.App.Web.Shared;
using Screening.Data.Measures;
using Screening.Data.Screen;
using Screening.Data.Platform;
using Screening.Domain.Measures;
using static Screening.App.Web.Shared.Html;

namespace Screening.App.Web.Dashboard;

/// <summary>
/// GET /dashboard: small inline SVG charts of open tasks, run results and rejects, plus the last runs. A care-team member
/// sees only their teams' open tasks: runs and rejects are population-wide (other teams' figures), shown to admins only.
/// </summary>
public static class DashboardPage
{
    public static void MapDashboard(this IEndpointRouteBuilder app) =>
        app.MapGet("/dashboard", async (HttpContext ctx, NpgsqlDataSource db, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            var page = Render(await DashboardData.LoadAsync(db, user.TeamFilter, ct), user);
            var rules = ctx.RequestServices.GetRequiredService<ActiveRules>().Rules;
            if (rules.Measures is not null)
            {
                var dates = MeasureTally.MonthlyDates(ctx.RequestServices.GetRequiredService<ScreeningClock>().Today, MeasureTrendPanel.Months);
                page += MeasureTrendPanel.Render(await new PopulationMeasures(db).RunAsync(rules, dates, user.TeamFilter, ct));
            }
            return Layout.Page(ctx, "Dashboard", page);
        });

    public static string Render(DashboardData data, WebUser user)
    {
        var rules = data.OpenTasks.Select(o => o.Rule).Distinct().Order().ToList();
        var byTeam = data.OpenTasks.GroupBy(o => o.Team).Select(g => new SvgBarChart.Bar(g.Key,
            rules.Select(rule => g.Where(o => o.Rule == rule).Sum(o => o.Count)).ToList())).ToList();
        var byRule = rules.Select(rule => new SvgBarChart.Bar(rule, [data.OpenTasks.Where(o => o.Rule == rule).Sum(o => o.Count)])).ToList();
        var runs = data.Runs.OrderBy(r => r.Id).Select(r => new SvgBarChart.Bar($"#{r.Id} {D(r.AsOf)}", [r.Opened, r.Closed, r.Reopened])).ToList();
        var rejects = data.Rejects.Select(r => new SvgBarChart.Bar(r.Reason, [r.Count])).ToList();

        var sb = new StringBuilder($"<h1>Dashboard <span class=\"muted\">· {(user.IsAdmin ? "all teams" : E(string.Join(", ", user.Teams)))}</span></h1>");
        sb.Append("<div class=\"grid\">");
        sb.Append("<div class=\"card\">").Append(SvgBarChart.Render("Open tasks by team and rule", rules, byTeam)).Append("</div>");
        sb.Append("<div class=\"card\">").Append(SvgBarChart.Render("Open tasks by rule", ["open"], byRule)).Append("</div>");
        if (!user.IsAdmin) return sb.Append("</div>").ToString();
        sb.Append("<div class=\"card\">").Append(SvgBarChart.Render("Tasks opened / closed / reopened per run", ["opened", "closed", "reopened"], runs)).Append("</div>");
        sb.Append("<div class=\"card\">").Append(SvgBarChart.Render("Rejected messages by reason", ["rejected"], rejects)).Append("</div>");
        sb.Append("</div><h2>Last screening runs</h2><table id=\"runs\"><thead><tr><th>Run</th><th>As of</th><th>Trigger</th><th>Status</th><th>Started</th>");
        sb.Append("<th>Duration</th><th>Patients</th><th>Opened</th><th>Updated</th><th>Closed</th><th>Reopened</th></tr></thead><tbody>");
        foreach (var r in data.Runs)
            sb.Append($"<tr><td>#{r.Id}</td><td>{D(r.AsOf)}</td><td>{E(r.Trigger)}</td><td>{E(r.Status)}</td><td>{D(r.StartedAt)}</td>")
              .Append($"<td>{(r.DurationMs is { } ms ? $"{ms / 1000.0:0.0} s" : "")}</td><td>{r.Patients:N0}</td><td>{r.Opened:N0}</td>")
              .Append($"<td>{r.Updated:N0}</td><td>{r.Closed:N0}</td><td>{r.Reopened:N0}</td></tr>");
        if (data.Runs.Count == 0) sb.Append("<tr><td colspan=\"11\" class=\"muted\">No screening runs yet.</td></tr>");
        return sb.Append("</tbody></table>").ToString();
    }
}

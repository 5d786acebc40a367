using Screening.App.Web.Auth;
using Screening.App.Web.Shared;
using Screening.Data.Attribution;

namespace Screening.App.Web.Teams;

/// <summary>
/// GET /admin/teams and its forms (admins only; anyone else gets 404): add or disable a team, add or disable a rule,
/// import a panel. Each change is audited by the store; bad input is a 400 page with the one-line reason.
/// </summary>
public static class TeamsAdminEndpoints
{
    public static void MapTeamsAdmin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/admin/teams", async (HttpContext ctx, Data.Attribution.CareTeams teams, CancellationToken ct) =>
            !WebUser.From(ctx.User).IsAdmin ? NotFound(ctx)
                : Layout.Page(ctx, "Teams and attribution", TeamsAdminPage.Render(ctx, await teams.ListAsync(ct), await teams.RulesAsync(false, ct),
                    ctx.Request.Query["done"])));
        Post(app, "/admin/teams", async (form, user, s, ct) =>
        {
            await s.GetRequiredService<Data.Attribution.CareTeams>().AddAsync(form["id"].ToString().Trim(), form["displayName"], user.UserName, ct);
            return $"Team {form["id"]} added.";
        });
        Post(app, "/admin/teams/{id}/disable", async (form, user, s, ct) =>
        {
            var id = form["id"].ToString();
            var moved = await s.GetRequiredService<Data.Attribution.CareTeams>().DisableAsync(id, user.UserName, ct);
            return $"Team {id} disabled; {moved} patient(s) moved to the unassigned queue.";
        });
        Post(app, "/admin/rules", async (form, user, s, ct) =>
        {
            var id = await s.GetRequiredService<Data.Attribution.CareTeams>().AddRuleAsync(form["basis"].ToString(), form["value"].ToString(),
                form["team"].ToString(), form["note"], user.UserName, ct);
            return $"Rule #{id} added.";
        });
        Post(app, "/admin/rules/{id}/disable", async (form, user, s, ct) =>
        {
            if (!long.TryParse(form["id"], out var id)) throw new AttributionInputException("No such rule.");
            await s.GetRequiredService<Data.Attribution.CareTeams>().DisableRuleAsync(id, user.UserName, ct);
            return $"Rule #{id} disabled.";
        });
        Post(app, "/admin/panels", async (form, user, s, ct) =>
        {
            var system = form["system"].ToString().Trim();
            var r = await s.GetRequiredService<Panels>().ImportAsync(form["csv"].ToString(), form["panel"].ToString().Trim(),
                system.Length == 0 ? null : system, user.UserName, ct);
            return $"Panel {r.Panel}: {r.Lines} line(s); {r.PatientsMoved} patient(s) moved, {r.TasksMoved} open task(s) with them.";
        });
    }

    /// <summary>A form POST for admins: the route's {id} is passed as form["id"]; done → back to the page, bad input → 400.</summary>
    private static void Post(IEndpointRouteBuilder app, string pattern,
        Func<Microsoft.AspNetCore.Http.IFormCollection, WebUser, IServiceProvider, CancellationToken, Task<string>> action) =>
        app.MapPost(pattern, async (HttpContext ctx, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            if (!user.IsAdmin) return NotFound(ctx);
            var form = await ctx.Request.ReadFormAsync(ct);
            var fields = form.ToDictionary(f => f.Key, f => f.Value);
            if (ctx.Request.RouteValues["id"] is string id) fields["id"] = id;
            try
            {
                var done = await action(new FormCollection(fields), user, ctx.RequestServices, ct);
                return Results.Redirect("/admin/teams?done=" + Uri.EscapeDataString(done));
            }
            catch (AttributionInputException ex)
            {
                return Layout.Page(ctx, "Cannot do that",
                    $"<h1>Cannot do that</h1><p class=\"error\" id=\"admin-error\">{Html.E(ex.Message)}</p><p><a href=\"/admin/teams\">Back to teams</a></p>",
                    StatusCodes.Status400BadRequest);
            }
        });

    private static IResult NotFound(HttpContext ctx) => Layout.Message(ctx, "Not found", "No such page.", StatusCodes.Status404NotFound);
}

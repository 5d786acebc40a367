using Npgsql;
using Screening.App.Web.Auth;
using Screening.App.Web.Shared;
using Screening.Data.Platform;

namespace Screening.App.Web.Worklist;

/// <summary>GET /worklist (page) and GET /worklist.csv (export of the current filter).</summary>
public static class WorklistEndpoints
{
    public static void MapWorklist(this IEndpointRouteBuilder app)
    {
        app.MapGet("/", () => Results.Redirect("/worklist"));
        app.MapGet("/worklist", async (HttpContext ctx, WorklistQuery query, WebOptions options, NpgsqlDataSource db, ScreeningClock clock, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            var (filter, problems) = WorklistFilter.Parse(ctx.Request.Query, options.PageSize);
            if (problems.Count > 0) filter = filter with { After = null };
            var counts = await query.CountAsync(filter, user.TeamFilter, clock.Today, ct);
            var (rows, next) = await query.PageAsync(filter, user.TeamFilter, clock.Today, ct);
            var teams = user.IsAdmin ? await TeamsAsync(db, ct) : user.Teams;
            return Layout.Page(ctx, "Worklist", WorklistPage.Render(ctx, user, filter, counts, rows, next, problems, teams));
        });
        app.MapGet("/worklist.csv", async (HttpContext ctx, WorklistQuery query, WebOptions options, WebAudit audit, ScreeningClock clock, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            var (filter, problems) = WorklistFilter.Parse(ctx.Request.Query, options.PageSize);
            if (problems.Count > 0) return Results.BadRequest(new { problems });
            var rows = await query.ExportAsync(filter, user.TeamFilter, clock.Today, options.MaxExportRows, ct);
            await audit.RecordAsync(user.UserName, "worklist.export", "outreach_task", null, null, new { rows = rows.Count, filter = filter.ToQuery() }, ct);
            return Results.File(System.Text.Encoding.UTF8.GetBytes(WorklistCsv.Write(rows)), "text/csv; charset=utf-8", "worklist.csv");
        });
    }

    /// <summary>The active care teams, the unassigned queue included (for an admin's team filter and the reassign list).</summary>
    public static async Task<List<string>> TeamsAsync(NpgsqlDataSource db, CancellationToken ct)
    {
        await using var cmd = db.CreateCommand("SELECT id FROM care_team WHERE active ORDER BY 1");
        var teams = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) teams.Add(r.GetString(0));
        return teams;
    }
}

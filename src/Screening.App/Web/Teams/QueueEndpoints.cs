using Screening.App.Web.Auth;
using Screening.App.Web.Shared;
using Screening.Data.Attribution;

namespace Screening.App.Web.Teams;

/// <summary>
/// GET /queue (the unassigned queue, filterable) and POST /queue/assign (selected patients, or every one matching the
/// filter, to a team): coordinators and admins only, anyone else gets 404. Viewing and assigning are audited.
/// </summary>
public static class QueueEndpoints
{
    public const int PageSize = 200;

    public static void MapQueue(this IEndpointRouteBuilder app)
    {
        app.MapGet("/queue", async (HttpContext ctx, UnassignedQueue queue, Data.Attribution.CareTeams teams, WebAudit audit, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            if (!user.WorksQueue) return Layout.Message(ctx, "Not found", "No such page.", StatusCodes.Status404NotFound);
            var filter = Filter(ctx.Request.Query["source"], ctx.Request.Query["reason"], ctx.Request.Query["rule"]);
            var (rows, total) = await queue.ListAsync(filter, PageSize, ct);
            await audit.RecordAsync(user.UserName, "queue.view", "patient", null, null, new { filter = filter.ToString(), count = rows.Count }, ct);
            var active = (await teams.ActiveAsync(ct)).Where(t => t != Domain.Attribution.CareTeamAttribution.Unassigned).ToList();
            return Layout.Page(ctx, "Unassigned patients", QueuePage.Render(ctx, filter, rows, total, active, ctx.Request.Query["done"]));
        });
        app.MapPost("/queue/assign", async (HttpContext ctx, UnassignedQueue queue, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            if (!user.WorksQueue) return Layout.Message(ctx, "Not found", "No such page.", StatusCodes.Status404NotFound);
            var form = await ctx.Request.ReadFormAsync(ct);
            var filter = Filter(form["source"], form["reason"], form["rule"]);
            var team = form["team"].ToString();
            try
            {
                IReadOnlyList<AttributionMove> moved;
                if (form["scope"] == "matching") moved = await queue.AssignMatchingAsync(filter, team, user.UserName, ct);
                else
                {
                    var keys = form["patient"].Select(v => long.TryParse(v, out var k) ? k : 0).Where(k => k > 0).ToArray();
                    if (keys.Length == 0) throw new AttributionInputException("Select at least one patient, or assign every patient matching the filter.");
                    moved = await queue.AssignAsync(keys, team, user.UserName, ct);
                }
                var done = $"Assigned {moved.Count} patient(s) to {team}; {moved.Sum(m => m.TasksMoved)} open task(s) moved with them.";
                return Results.Redirect($"/queue?{filter.ToQuery()}&done={Uri.EscapeDataString(done)}");
            }
            catch (AttributionInputException ex)
            {
                return Layout.Page(ctx, "Cannot do that",
                    $"<h1>Cannot do that</h1><p class=\"error\" id=\"queue-error\">{Html.E(ex.Message)}</p><p><a href=\"/queue\">Back to the queue</a></p>",
                    StatusCodes.Status400BadRequest);
            }
        });
    }

    public static QueueFilter Filter(string? source, string? reason, string? rule) =>
        new(Blank(source), Blank(reason), Blank(rule));

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string ToQuery(this QueueFilter f) => string.Join("&", new[]
    {
        f.Source is null ? null : "source=" + Uri.EscapeDataString(f.Source), f.Reason is null ? null : "reason=" + Uri.EscapeDataString(f.Reason),
        f.Rule is null ? null : "rule=" + Uri.EscapeDataString(f.Rule),
    }.Where(p => p is not null));
}

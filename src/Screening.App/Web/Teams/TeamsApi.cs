using Screening.App.Web.Auth;
using Screening.Data.Attribution;

namespace Screening.App.Web.Teams;

/// <summary>
/// JSON API (docs/api.md): GET /api/teams (anyone signed in: the active teams), GET /api/queue and POST /api/queue/assign
/// (coordinators and admins; others 404). Bad input is 400 with <c>{"error": "…"}</c>.
/// </summary>
public static class TeamsApi
{
    public sealed record AssignBody(string? Team = null, long[]? PatientKeys = null, string? Source = null, string? Reason = null, string? Rule = null);

    public static void MapTeamsApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/teams", async (Data.Attribution.CareTeams teams, CancellationToken ct) =>
            Results.Ok(new { items = (await teams.ListAsync(ct)).Where(t => t.Active).Select(t => new { id = t.Id, displayName = t.DisplayName }) }));
        app.MapGet("/api/queue", async (HttpContext ctx, UnassignedQueue queue, Shared.WebAudit audit, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            if (!user.WorksQueue) return NotFound();
            var filter = QueueEndpoints.Filter(ctx.Request.Query["source"], ctx.Request.Query["reason"], ctx.Request.Query["rule"]);
            var (rows, total) = await queue.ListAsync(filter, QueueEndpoints.PageSize, ct);
            await audit.RecordAsync(user.UserName, "queue.view", "patient", null, null, new { filter = filter.ToString(), count = rows.Count, api = true }, ct);
            return Results.Ok(new { total, items = rows });
        });
        app.MapPost("/api/queue/assign", async (HttpContext ctx, AssignBody? body, UnassignedQueue queue, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            if (!user.WorksQueue) return NotFound();
            body ??= new AssignBody();
            var filter = QueueEndpoints.Filter(body.Source, body.Reason, body.Rule);
            try
            {
                if (body.PatientKeys is { Length: > 0 } && !filter.IsEmpty) throw new AttributionInputException("Give either patientKeys or a filter, not both.");
                var moved = body.PatientKeys is { Length: > 0 } keys
                    ? await queue.AssignAsync(keys, body.Team ?? "", user.UserName, ct)
                    : await queue.AssignMatchingAsync(filter, body.Team ?? "", user.UserName, ct);
                return Results.Ok(new { assigned = moved.Count, tasksMoved = moved.Sum(m => m.TasksMoved), patients = moved.Select(m => m.PatientKey) });
            }
            catch (AttributionInputException ex)
            {
                return Results.Json(new { error = ex.Message }, statusCode: StatusCodes.Status400BadRequest);
            }
        });
    }

    private static IResult NotFound() => Results.Json(new { error = "not found" }, statusCode: StatusCodes.Status404NotFound);
}

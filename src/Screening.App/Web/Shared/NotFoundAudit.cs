using System.Globalization;

namespace Screening.App.Web.Shared;

/// <summary>
/// Audits a signed-in user's 404 on a task or patient address (another team's record looks exactly like a missing one
/// to the user, but not to the audit: repeated probes show up as "access.not-found").
/// </summary>
public static class NotFoundAudit
{
    public static IApplicationBuilder UseNotFoundAudit(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        await next(ctx);
        if (ctx.Response.StatusCode != StatusCodes.Status404NotFound || ctx.User.Identity?.IsAuthenticated != true) return;
        var values = ctx.Request.RouteValues;
        var (type, id) = values.TryGetValue("taskId", out var task) ? ("outreach_task", task)
            : values.TryGetValue("patientKey", out var patient) ? ("patient", patient) : (null, null);
        if (type is null) return;
        var route = (ctx.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        await ctx.RequestServices.GetRequiredService<WebAudit>().RecordAsync(ctx.User.Identity.Name ?? "", "access.not-found", type,
            Convert.ToString(id, CultureInfo.InvariantCulture), null, new { route, method = ctx.Request.Method }, CancellationToken.None);
    });
}

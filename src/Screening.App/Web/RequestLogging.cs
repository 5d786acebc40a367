using System.Diagnostics;
using Microsoft.AspNetCore.Routing;

namespace Screening.App.Web;

/// <summary>One log line per request with the route TEMPLATE (never the path or query, which may identify a patient).</summary>
public static class RequestLogging
{
    public static IApplicationBuilder UseRouteTemplateLogging(this IApplicationBuilder app)
    {
        var log = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger("Screening.Web.Requests");
        return app.Use(async (ctx, next) =>
        {
            var started = Stopwatch.GetTimestamp();
            try { await next(ctx); }
            finally
            {
                log.LogInformation("HTTP {Method} {Route} responded {StatusCode} in {Elapsed:0.0} ms", ctx.Request.Method,
                    (ctx.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText ?? "(no route)", ctx.Response.StatusCode,
                    Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        });
    }
}

namespace Screening.App.Web;

/// <summary>
/// Security headers on every response, errors and 500s included (set when the response starts, so the exception
/// handler's reset cannot drop them); HSTS when the request is HTTPS (directly or via a known proxy).
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app, WebOptions options) => app.Use(async (ctx, next) =>
    {
        ctx.Response.OnStarting(() =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self'";
            h.CacheControl = "no-store";
            if (ctx.Request.IsHttps && options.HstsMaxAgeDays > 0)
                h.StrictTransportSecurity = $"max-age={options.HstsMaxAgeDays * 86400}; includeSubDomains";
            return Task.CompletedTask;
        });
        await next(ctx);
    });

    /// <summary>With SecureCookies on, a plain-HTTP request (other than /health) gets a 400 saying why, never a 500.</summary>
    public static IApplicationBuilder UseHttpsOnly(this IApplicationBuilder app, WebOptions options) => !options.SecureCookies ? app : app.Use(async (ctx, next) =>
    {
        if (ctx.Request.IsHttps || ctx.Request.Path.StartsWithSegments("/health")) { await next(ctx); return; }
        ctx.Response.StatusCode = StatusCodes.Status400BadRequest;
        ctx.Response.ContentType = "text/plain; charset=utf-8";
        await ctx.Response.WriteAsync("This worklist is served over HTTPS only (Web:SecureCookies is on). Use https://; if TLS ends at a "
            + "reverse proxy, list it in Web:KnownProxies or Web:KnownNetworks so its X-Forwarded-Proto is believed.");
    });
}

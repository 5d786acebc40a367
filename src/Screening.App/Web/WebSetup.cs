using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Screening.App.Web.Actions;
using Screening.App.Web.Api;
using Screening.App.Web.Auth;
using Screening.App.Web.Dashboard;
using Screening.App.Web.Patients;
using Screening.App.Web.Shared;
using Screening.App.Web.Teams;
using Screening.App.Web.Worklist;

namespace Screening.App.Web;

/// <summary>The care-team worklist: one AddScreeningWeb() for its services and one UseScreeningWeb() for its pipeline.</summary>
public static class WebSetup
{
    public static IServiceCollection AddScreeningWeb(this IServiceCollection services, IConfiguration configuration)
    {
        var options = WebOptions.Read(configuration);
        services.AddSingleton(options);
        services.AddWorklistAuth(options);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfProtection.HeaderName;
            o.Cookie.Name = "screening.csrf";
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
        });
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddSingleton<WorklistQuery>();
        services.AddSingleton<PatientQuery>();
        services.AddSingleton<TaskActions>();
        services.AddSingleton<WebAudit>();
        services.AddTeamsWeb();
        services.AddProblemDetails();
        services.AddRateLimiter(o =>
        {
            o.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            o.AddPolicy(LoginEndpoints.RateLimitPolicy, ctx => System.Threading.RateLimiting.RateLimitPartition.GetFixedWindowLimiter(
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = 20, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    public static WebApplication UseScreeningWeb(this WebApplication app)
    {
        app.UseRouteTemplateLogging();
        app.UseExceptionHandler();
        app.Use(async (ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "no-referrer";
            h.ContentSecurityPolicy = "default-src 'self'; img-src 'self' data:; object-src 'none'; frame-ancestors 'none'; form-action 'self'";
            h.CacheControl = "no-store";
            await next(ctx);
        });
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseCsrfProtection();
        app.MapHealthChecks("/health", new HealthCheckOptions { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = r => r.Tags.Contains("ready") }).AllowAnonymous();
        app.MapAssets();
        app.MapLogin();
        app.MapWorklist();
        app.MapPatients();
        app.MapTaskActions();
        app.MapDashboard();
        app.MapScreeningApi();
        app.MapTeamsWeb();
        return app;
    }
}

using Microsoft.AspNetCore.Diagnostics;
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
        services.AddSharedKeyRing(options);
        services.AddAntiforgery(o =>
        {
            o.HeaderName = CsrfProtection.HeaderName;
            o.Cookie.Name = AuthSetup.CookieName(options, "screening.csrf");
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
                ctx.Connection.RemoteIpAddress?.ToString() ?? "unknown", // the client's, not the proxy's, when the proxy is known (ProxySetup)
                _ => new System.Threading.RateLimiting.FixedWindowRateLimiterOptions { PermitLimit = options.SignInAttemptsPerMinute, Window = TimeSpan.FromMinutes(1) }));
        });
        return services;
    }

    public static WebApplication UseScreeningWeb(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<WebOptions>();
        if (string.IsNullOrWhiteSpace(options.KeyCertificatePath))
            app.Logger.LogWarning("Data Protection keys are stored in PostgreSQL WITHOUT encryption: set Web:KeyCertificatePath in production (docs/security.md)");
        app.UseKnownProxies(options);
        app.UseSecurityHeaders(options);
        app.UseRouteTemplateLogging();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            // A body that cannot be read (1 MB of noise, multipart without boundary, too large) is the client's fault: 400.
            StatusCodeSelector = ex => ex is BadHttpRequestException or InvalidDataException or FormatException
                ? StatusCodes.Status400BadRequest : StatusCodes.Status500InternalServerError,
        });
        app.UseHttpsOnly(options);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseNotFoundAudit();
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

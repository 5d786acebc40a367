using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Screening.App.Web.Auth;

/// <summary>
/// Cookie sign-in for the pages (server-side sessions, <see cref="SessionStore"/>), bearer tokens for the API, one policy
/// scheme choosing between them. The principal is rebuilt from the database on every request, so a disabled user or a
/// team change takes effect at once.
/// </summary>
public static class AuthSetup
{
    public const string Smart = "screening";

    /// <summary>Cookie names: __Host- prefixed (Secure, path /, no domain) when the site is HTTPS-only.</summary>
    public static string CookieName(WebOptions options, string name) => options.SecureCookies ? "__Host-" + name : name;

    public static IServiceCollection AddWorklistAuth(this IServiceCollection services, WebOptions options)
    {
        services.AddSingleton<UserDirectory>();
        services.AddSingleton<SessionStore>();
        services.AddSingleton<AccountLockout>();
        var auth = services.AddAuthentication(Smart);
        auth
            .AddPolicyScheme(Smart, "cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = CookieName(options, "screening.auth");
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.Path = "/";
                o.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromHours(options.SessionLifetimeHours); // absolute; idleness is judged by the session row
                o.SlidingExpiration = false;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.ReturnUrlParameter = "returnUrl";
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status404NotFound);
            });
        auth.AddSingleSignOn(options);
        services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<SessionStore>((o, store) => o.SessionStore = store);
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static Task ApiAware(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> ctx, int apiStatus)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = apiStatus;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }
}

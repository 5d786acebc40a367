using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;

namespace Screening.App.Web.Auth;

/// <summary>
/// Cookie sign-in for the pages, bearer tokens for the API, one policy scheme choosing between them. The cookie's
/// principal is rebuilt from the database on every request, so a disabled user or a team change takes effect at once.
/// </summary>
public static class AuthSetup
{
    public const string Smart = "screening";

    public static IServiceCollection AddWorklistAuth(this IServiceCollection services, WebOptions options)
    {
        services.AddSingleton<UserDirectory>();
        services.AddAuthentication(Smart)
            .AddPolicyScheme(Smart, "cookie or bearer", o => o.ForwardDefaultSelector = ctx =>
                ctx.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                    ? BearerTokenHandler.SchemeName : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddScheme<AuthenticationSchemeOptions, BearerTokenHandler>(BearerTokenHandler.SchemeName, null)
            .AddCookie(o =>
            {
                o.Cookie.Name = "screening.auth";
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Strict;
                o.Cookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromMinutes(options.SessionMinutes);
                o.SlidingExpiration = true;
                o.LoginPath = "/login";
                o.LogoutPath = "/logout";
                o.ReturnUrlParameter = "returnUrl";
                o.Events.OnRedirectToLogin = ctx => ApiAware(ctx, StatusCodes.Status401Unauthorized);
                o.Events.OnRedirectToAccessDenied = ctx => ApiAware(ctx, StatusCodes.Status404NotFound);
                o.Events.OnValidatePrincipal = RefreshAsync;
            });
        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build());
        return services;
    }

    private static Task ApiAware(RedirectContext<CookieAuthenticationOptions> ctx, int apiStatus)
    {
        if (ctx.Request.Path.StartsWithSegments("/api")) ctx.Response.StatusCode = apiStatus;
        else ctx.Response.Redirect(ctx.RedirectUri);
        return Task.CompletedTask;
    }

    private static async Task RefreshAsync(CookieValidatePrincipalContext ctx)
    {
        var name = ctx.Principal?.Identity?.Name;
        var user = name is null ? null : await ctx.HttpContext.RequestServices.GetRequiredService<UserDirectory>().FindAsync(name, ctx.HttpContext.RequestAborted);
        if (user is null)
        {
            ctx.RejectPrincipal();
            await ctx.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return;
        }
        ctx.ReplacePrincipal(user.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
    }
}

using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Screening.App.Web.Shared;

namespace Screening.App.Web.Auth;

/// <summary>
/// OpenID Connect sign-in (authorization code + PKCE, response in the query, id_token checked against the provider's
/// JWKS): GET /login/sso starts it, /signin-oidc finishes it with a server-side session like a password sign-in.
/// </summary>
public static class OidcSetup
{
    public const string SchemeName = "oidc";

    public static void AddSingleSignOn(this AuthenticationBuilder auth, WebOptions options)
    {
        var oidc = options.Oidc;
        if (!oidc.Enabled) return;
        auth.AddOpenIdConnect(SchemeName, "Single sign-on", o =>
        {
            o.Authority = oidc.Authority;
            o.ClientId = oidc.ClientId;
            o.ClientSecret = oidc.ClientSecret;
            o.RequireHttpsMetadata = oidc.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.Scope.Clear();
            foreach (var scope in oidc.Scopes.Split(' ', StringSplitOptions.RemoveEmptyEntries)) o.Scope.Add(scope);
            o.SignInScheme = CookieAuthenticationDefaults.AuthenticationScheme;
            o.CallbackPath = "/signin-oidc";
            o.SaveTokens = false;
            o.GetClaimsFromUserInfoEndpoint = false;
            o.MapInboundClaims = false;
            o.TokenValidationParameters.ValidAudience = oidc.ClientId;
            o.CorrelationCookie.SameSite = SameSiteMode.Lax; // the provider's redirect back is a top-level GET
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = options.SecureCookies ? CookieSecurePolicy.Always : CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SecurePolicy = o.CorrelationCookie.SecurePolicy;
            o.Events.OnTokenValidated = TokenValidatedAsync;
            o.Events.OnRemoteFailure = ctx =>
            {
                ctx.Response.Redirect("/login?sso=failed");
                ctx.HandleResponse();
                return Task.CompletedTask;
            };
        });
    }

    private static async Task TokenValidatedAsync(TokenValidatedContext ctx)
    {
        var services = ctx.HttpContext.RequestServices;
        var oidc = services.GetRequiredService<WebOptions>().Oidc;
        var audit = services.GetRequiredService<WebAudit>();
        var principal = ctx.Principal!;
        var name = principal.FindFirstValue(oidc.UserNameClaim)?.Trim() ?? "";
        var subject = principal.FindFirstValue("sub");
        var users = services.GetRequiredService<UserDirectory>();
        WebUser? user;
        try
        {
            user = oidc.ClaimsDecide
                ? await users.UpsertExternalAsync(name, principal.FindFirstValue(oidc.RoleClaim!) ?? "", Values(principal, oidc.TeamClaim!), ctx.HttpContext.RequestAborted)
                : await users.FindAsync(name, ctx.HttpContext.RequestAborted);
        }
        catch (ArgumentException)
        {
            user = null; // a name, role or team the worklist cannot use
        }
        if (user is null)
        {
            await audit.RecordAsync("anonymous", "user.sign-in-failed", "app_user", null, null,
                new { userName = name, subject, method = "oidc", reason = "no such enabled local user or unusable claims" }, CancellationToken.None);
            ctx.Fail("The single sign-on identity has no enabled worklist user.");
            return;
        }
        ctx.Principal = user.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme);
        await audit.RecordAsync(user.UserName, "user.sign-in", "app_user", user.Id.ToString(CultureInfo.InvariantCulture), null,
            new { method = "oidc", subject, client = ctx.HttpContext.Connection.RemoteIpAddress?.ToString() }, CancellationToken.None);
    }

    /// <summary>A claim's values: repeated claims, or one claim holding a JSON array or a comma-separated list.</summary>
    private static List<string> Values(ClaimsPrincipal principal, string type)
    {
        var values = new List<string>();
        foreach (var claim in principal.FindAll(type))
        {
            var text = claim.Value.Trim();
            if (text.StartsWith('['))
                values.AddRange(JsonSerializer.Deserialize<string[]>(text) ?? []);
            else values.AddRange(text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        }
        return values.Distinct().ToList();
    }
}

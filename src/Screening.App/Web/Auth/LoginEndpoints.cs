using System.Globalization;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Screening.App.Web.Shared;
using static Screening.App.Web.Shared.Html;

namespace Screening.App.Web.Auth;

/// <summary>
/// GET/POST /login and POST /logout (cookie sign-in; the form carries an antiforgery token like every form). Unknown
/// user, wrong password, disabled and locked accounts get the same message and the same password-hashing work; each
/// failure, sign-in and sign-out is audited.
/// </summary>
public static class LoginEndpoints
{
    /// <summary>Sign-in attempts per client address (<see cref="WebOptions.SignInAttemptsPerMinute"/>).</summary>
    public const string RateLimitPolicy = "sign-in";
    public const string Failed = "Unknown user or wrong password, or the account is locked for a while.";

    public static void MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext ctx, WebOptions options) => Form(ctx, options, ctx.Request.Query["returnUrl"],
            ctx.Request.Query["sso"] == "failed" ? "Single sign-on did not succeed (or your account has no worklist access)." : null, StatusCodes.Status200OK)).AllowAnonymous();
        app.MapGet("/login/sso", (HttpContext ctx, WebOptions options) =>
        {
            if (!options.Oidc.Enabled) return Results.NotFound();
            string? returnUrl = ctx.Request.Query["returnUrl"];
            return Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.IsLocal(returnUrl) ? returnUrl : "/worklist" }, [OidcSetup.SchemeName]);
        }).AllowAnonymous();
        app.MapPost("/login", async (HttpContext ctx, WebOptions options, UserDirectory users, AccountLockout lockout, WebAudit audit, CancellationToken ct) =>
        {
            if (!options.LocalPasswords)
                return Layout.Message(ctx, "Single sign-on only", "Password sign-in is switched off here: use single sign-on.", StatusCodes.Status403Forbidden);
            var form = await ctx.Request.ReadFormAsync(ct);
            var name = form["userName"].ToString().Trim();
            var returnUrl = form["returnUrl"].ToString();
            if (name.Length is 0 or > 64) return Form(ctx, options, returnUrl, Failed, StatusCodes.Status401Unauthorized);
            var locked = await lockout.IsLockedAsync(name, ct);
            var user = await users.SignInAsync(name, form["password"].ToString(), ct); // hashes whether or not the name exists or is locked
            if (user is null || locked)
            {
                var failures = await lockout.RecordFailureAsync(name, ct);
                await audit.RecordAsync("anonymous", "user.sign-in-failed", "app_user", user?.Id.ToString(CultureInfo.InvariantCulture), null,
                    new { userName = name, locked, failures, client = ctx.Connection.RemoteIpAddress?.ToString() }, ct);
                return Form(ctx, options, returnUrl, Failed, StatusCodes.Status401Unauthorized);
            }
            await lockout.ResetAsync(name, ct);
            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
            await audit.RecordAsync(user.UserName, "user.sign-in", "app_user", user.Id.ToString(CultureInfo.InvariantCulture), null,
                new { client = ctx.Connection.RemoteIpAddress?.ToString() }, ct);
            return Results.Redirect(LocalUrl.IsLocal(returnUrl) ? returnUrl : "/worklist");
        }).AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        app.MapPost("/logout", async (HttpContext ctx, WebAudit audit, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme); // revokes the server-side session
            await audit.RecordAsync(user.UserName, "user.sign-out", "app_user", user.Id.ToString(CultureInfo.InvariantCulture), null, new { }, ct);
            return Results.Redirect("/login");
        });
    }

    private static IResult Form(HttpContext ctx, WebOptions options, string? returnUrl, string? error, int status)
    {
        var local = LocalUrl.IsLocal(returnUrl) ? returnUrl : "";
        var sso = !options.Oidc.Enabled ? "" : $"""
            <p><a class="button" id="sso" href="/login/sso{(local == "" ? "" : "?returnUrl=" + Uri.EscapeDataString(local!))}">Sign in with single sign-on</a></p>
            """;
        if (!options.LocalPasswords)
            return Layout.Page(ctx, "Sign in", $"<h1>Sign in</h1>{(error is null ? "" : $"<p class=\"error\" id=\"login-error\">{E(error)}</p>")}{sso}", status);
        var body = $"""
            <h1>Sign in</h1>
            {(error is null ? "" : $"<p class=\"error\" id=\"login-error\">{E(error)}</p>")}{sso}
            <form method="post" action="/login" class="card stack" id="login">
              {Csrf(ctx)}<input type="hidden" name="returnUrl" value="{E(local)}">
              <label>User name<input name="userName" autocomplete="username" required autofocus></label>
              <label>Password<input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form>
            """;
        return Layout.Page(ctx, "Sign in", body, status);
    }
}

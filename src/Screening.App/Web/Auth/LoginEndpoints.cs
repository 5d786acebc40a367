using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Screening.App.Web.Shared;
using static Screening.App.Web.Shared.Html;

namespace Screening.App.Web.Auth;

/// <summary>GET/POST /login and POST /logout (cookie sign-in; the form carries an antiforgery token like every form).</summary>
public static class LoginEndpoints
{
    /// <summary>Sign-in attempts per client address: 20 a minute (slows password guessing).</summary>
    public const string RateLimitPolicy = "sign-in";

    public static void MapLogin(this IEndpointRouteBuilder app)
    {
        app.MapGet("/login", (HttpContext ctx) => Form(ctx, ctx.Request.Query["returnUrl"], null, StatusCodes.Status200OK)).AllowAnonymous();
        app.MapPost("/login", async (HttpContext ctx, UserDirectory users, WebAudit audit, CancellationToken ct) =>
        {
            var form = await ctx.Request.ReadFormAsync(ct);
            var name = form["userName"].ToString().Trim();
            var user = name.Length is > 0 and <= 64 ? await users.SignInAsync(name, form["password"].ToString(), ct) : null;
            if (user is null) return Form(ctx, form["returnUrl"], "Unknown user or wrong password.", StatusCodes.Status401Unauthorized);
            await ctx.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, user.ToPrincipal(CookieAuthenticationDefaults.AuthenticationScheme));
            await audit.RecordAsync(user.UserName, "user.sign-in", "app_user", user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new { }, ct);
            var returnUrl = form["returnUrl"].ToString();
            return Results.Redirect(IsLocal(returnUrl) ? returnUrl : "/worklist");
        }).AllowAnonymous().RequireRateLimiting(RateLimitPolicy);
        app.MapPost("/logout", async (HttpContext ctx) =>
        {
            await ctx.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
            return Results.Redirect("/login");
        });
    }

    private static bool IsLocal(string url) =>
        url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal);

    private static IResult Form(HttpContext ctx, string? returnUrl, string? error, int status)
    {
        var body = $"""
            <h1>Sign in</h1>
            {(error is null ? "" : $"<p class=\"error\" id=\"login-error\">{E(error)}</p>")}
            <form method="post" action="/login" class="card stack" id="login">
              {Csrf(ctx)}<input type="hidden" name="returnUrl" value="{E(IsLocal(returnUrl ?? "") ? returnUrl : "")}">
              <label>User name<input name="userName" autocomplete="username" required autofocus></label>
              <label>Password<input name="password" type="password" autocomplete="current-password" required></label>
              <button type="submit">Sign in</button>
            </form>
            """;
        return Layout.Page(ctx, "Sign in", body, status);
    }
}

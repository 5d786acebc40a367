using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace Screening.App.Web.Auth;

/// <summary>Authenticates "Authorization: Bearer scr_…" against the hashed, unexpired, unrevoked tokens in api_token; scopes become claims.</summary>
public sealed class BearerTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    UserDirectory users) : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "Bearer";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string? header = Request.Headers.Authorization;
        if (header is null || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return AuthenticateResult.NoResult();
        var token = header["Bearer ".Length..].Trim();
        if (token.Length is 0 or > 200) return AuthenticateResult.Fail("malformed token");
        if (await users.FindByTokenAsync(token, Context.RequestAborted) is not { } found) return AuthenticateResult.Fail("unknown, expired or revoked token");
        var (user, scopes) = found;
        var principal = user.ToPrincipal(SchemeName);
        ((System.Security.Claims.ClaimsIdentity)principal.Identity!).AddClaims(scopes.Select(s => new System.Security.Claims.Claim(TokenScopes.Claim, s)));
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        return Task.CompletedTask;
    }
}

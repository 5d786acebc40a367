namespace Screening.App.Web.Auth;

/// <summary>
/// Single sign-on with OpenID Connect (Web:Oidc section; off while Authority is empty). Who the user is: the local
/// app_user whose name is the <see cref="UserNameClaim"/> value; with <see cref="RoleClaim"/> and
/// <see cref="TeamClaim"/> set, role and teams come from the identity provider instead (the local user is created or
/// updated at each sign-in, without a usable password).
/// </summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string ClientId { get; set; } = "screening";
    /// <summary>A secret: from the environment (SCREENING_Web__Oidc__ClientSecret).</summary>
    public string? ClientSecret { get; set; }
    public string Scopes { get; set; } = "openid profile email";
    /// <summary>Claim naming the local user: preferred_username, email or sub.</summary>
    public string UserNameClaim { get; set; } = "preferred_username";
    /// <summary>Claim holding "admin", "coordinator" or "care-team" (empty: the local user's role).</summary>
    public string? RoleClaim { get; set; }
    /// <summary>Claim holding the care teams, existing and active ones only (repeated claim or JSON array; empty: the local user's teams).</summary>
    public string? TeamClaim { get; set; }
    /// <summary>Allow the metadata over plain HTTP (a test or lab only).</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool Enabled => !string.IsNullOrWhiteSpace(Authority);
    public bool ClaimsDecide => !string.IsNullOrWhiteSpace(RoleClaim) && !string.IsNullOrWhiteSpace(TeamClaim);

    public IEnumerable<string> Problems()
    {
        if (!Enabled) yield break;
        if (!Uri.TryCreate(Authority, UriKind.Absolute, out var authority)) yield return $"Web:Oidc:Authority '{Authority}' is not an absolute URL.";
        else if (RequireHttpsMetadata && authority.Scheme != Uri.UriSchemeHttps) yield return "Web:Oidc:Authority must be https (or set Web:Oidc:RequireHttpsMetadata=false in a lab).";
        if (string.IsNullOrWhiteSpace(ClientId)) yield return "Web:Oidc:ClientId is required.";
        if (UserNameClaim is not ("preferred_username" or "email" or "sub" or "upn" or "name"))
            yield return $"Web:Oidc:UserNameClaim must be preferred_username, email, sub, upn or name (was '{UserNameClaim}').";
        if (string.IsNullOrWhiteSpace(RoleClaim) != string.IsNullOrWhiteSpace(TeamClaim))
            yield return "Web:Oidc:RoleClaim and Web:Oidc:TeamClaim go together (both: the provider decides; neither: the local user table does).";
    }
}

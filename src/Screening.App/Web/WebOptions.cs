using System.Net;
using Screening.App.Options;

namespace Screening.App.Web;

/// <summary>Worklist web settings (appsettings "Web" section or SCREENING_Web__*), validated when the web host starts.</summary>
public sealed class WebOptions
{
    /// <summary>A session without a request for this long ends (server-side, docs/security.md).</summary>
    public int SessionIdleMinutes { get; set; } = 30;
    /// <summary>A session ends this long after sign-in whatever the activity.</summary>
    public int SessionLifetimeHours { get; set; } = 12;
    /// <summary>Consecutive failed sign-ins of one account before it is locked (before that: 1, 2, 4 … s back-off).</summary>
    public int LockoutThreshold { get; set; } = 5;
    /// <summary>First lock duration; doubles with every further <see cref="LockoutThreshold"/> failures (at most 24 h).</summary>
    public int LockoutMinutes { get; set; } = 15;
    /// <summary>Sign-in attempts per client address and minute (the address from X-Forwarded-For only via a known proxy).</summary>
    public int SignInAttemptsPerMinute { get; set; } = 20;
    /// <summary>Rows per worklist page (and the API's default page size).</summary>
    public int PageSize { get; set; } = 50;
    /// <summary>Most rows one CSV export may hold.</summary>
    public int MaxExportRows { get; set; } = 100_000;
    /// <summary>Longest snooze allowed (clinical-rules §9.1: default max 180 days).</summary>
    public int MaxSnoozeDays { get; set; } = 180;
    /// <summary>HTTPS only: cookies are Secure and named __Host-…; plain-HTTP requests (other than /health) get a 400 explaining why.</summary>
    public bool SecureCookies { get; set; }
    /// <summary>Strict-Transport-Security max-age sent on HTTPS responses (0 = no header).</summary>
    public int HstsMaxAgeDays { get; set; } = 365;
    /// <summary>Reverse proxies whose X-Forwarded-For / X-Forwarded-Proto are believed (IP addresses).</summary>
    public string[] KnownProxies { get; set; } = [];
    /// <summary>Networks of such proxies (CIDR, e.g. 10.0.0.0/8).</summary>
    public string[] KnownNetworks { get; set; } = [];

    /// <summary>Certificate (PFX, or PEM with <see cref="KeyCertificateKeyPath"/>) that encrypts the Data Protection keys at rest.</summary>
    public string? KeyCertificatePath { get; set; }
    /// <summary>PFX password (a secret: from the environment, SCREENING_Web__KeyCertificatePassword).</summary>
    public string? KeyCertificatePassword { get; set; }
    /// <summary>PEM private key file for a PEM <see cref="KeyCertificatePath"/>.</summary>
    public string? KeyCertificateKeyPath { get; set; }

    /// <summary>Password sign-in at /login (false: single sign-on only).</summary>
    public bool LocalPasswords { get; set; } = true;
    /// <summary>OpenID Connect single sign-on (off unless Authority is set).</summary>
    public Auth.OidcOptions Oidc { get; set; } = new();

    public static WebOptions Read(IConfiguration configuration) =>
        (configuration.GetSection("Web").Get<WebOptions>() ?? new WebOptions()).Validate();

    public WebOptions Validate()
    {
        var problems = new List<string>();
        if (SessionIdleMinutes is < 1 or > 24 * 60) problems.Add($"Web:SessionIdleMinutes must be 1..1440 (was {SessionIdleMinutes}).");
        if (SessionLifetimeHours is < 1 or > 7 * 24) problems.Add($"Web:SessionLifetimeHours must be 1..168 (was {SessionLifetimeHours}).");
        if (LockoutThreshold is < 1 or > 100) problems.Add($"Web:LockoutThreshold must be 1..100 (was {LockoutThreshold}).");
        if (LockoutMinutes is < 1 or > 24 * 60) problems.Add($"Web:LockoutMinutes must be 1..1440 (was {LockoutMinutes}).");
        if (SignInAttemptsPerMinute is < 1 or > 10_000) problems.Add($"Web:SignInAttemptsPerMinute must be 1..10000 (was {SignInAttemptsPerMinute}).");
        if (PageSize is < 5 or > 500) problems.Add($"Web:PageSize must be 5..500 (was {PageSize}).");
        if (MaxExportRows is < 1 or > 1_000_000) problems.Add($"Web:MaxExportRows must be 1..1000000 (was {MaxExportRows}).");
        if (MaxSnoozeDays is < 1 or > 730) problems.Add($"Web:MaxSnoozeDays must be 1..730 (was {MaxSnoozeDays}).");
        if (HstsMaxAgeDays is < 0 or > 730) problems.Add($"Web:HstsMaxAgeDays must be 0..730 (was {HstsMaxAgeDays}).");
        problems.AddRange(KnownProxies.Where(p => !IPAddress.TryParse(p, out _)).Select(p => $"Web:KnownProxies: '{p}' is not an IP address."));
        problems.AddRange(KnownNetworks.Where(n => !IPNetwork.TryParse(n, out _)).Select(n => $"Web:KnownNetworks: '{n}' is not a CIDR network."));
        if (KeyCertificatePath is { Length: > 0 } path && !File.Exists(path)) problems.Add($"Web:KeyCertificatePath: no file '{path}'.");
        if (KeyCertificateKeyPath is { Length: > 0 } key && !File.Exists(key)) problems.Add($"Web:KeyCertificateKeyPath: no file '{key}'.");
        problems.AddRange(Oidc.Problems());
        if (!LocalPasswords && !Oidc.Enabled) problems.Add("Web:LocalPasswords=false needs single sign-on (Web:Oidc:Authority): nobody could sign in.");
        if (problems.Count > 0) throw new OptionsProblemsException(problems);
        return this;
    }
}

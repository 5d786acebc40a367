using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

/// <summary>
/// A real-browser test: needs the servers and Debian's chromium (/usr/bin/chromium, `apt-get install -y chromium`).
/// Skipped on a bare developer machine; with SCREENING_REQUIRE_SERVICES=1 (CI) it runs, and fails if chromium is missing.
/// </summary>
public sealed class BrowserFactAttribute : FactAttribute
{
    /// <summary>Debian's chromium; SCREENING_CHROMIUM overrides (e.g. to prove the test fails without a browser).</summary>
    public static string Chromium => Environment.GetEnvironmentVariable("SCREENING_CHROMIUM") ?? "/usr/bin/chromium";

    public BrowserFactAttribute()
    {
        if (ServerSettings.SkipReason is { } reason) Skip = reason;
        else if (!ServerSettings.Required && !File.Exists(Chromium)) Skip = $"{Chromium} is missing: apt-get install -y chromium";
    }
}

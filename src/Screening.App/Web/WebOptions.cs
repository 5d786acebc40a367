using Screening.App.Options;

namespace Screening.App.Web;

/// <summary>Worklist web settings (appsettings "Web" section or SCREENING_Web__*), validated when the web host starts.</summary>
public sealed class WebOptions
{
    /// <summary>How long a sign-in lasts without activity (sliding).</summary>
    public int SessionMinutes { get; set; } = 480;
    /// <summary>Rows per worklist page (and the API's default page size).</summary>
    public int PageSize { get; set; } = 50;
    /// <summary>Most rows one CSV export may hold.</summary>
    public int MaxExportRows { get; set; } = 100_000;
    /// <summary>Longest snooze allowed (clinical-rules §9.1: default max 180 days).</summary>
    public int MaxSnoozeDays { get; set; } = 180;
    /// <summary>Mark cookies Secure (set true behind HTTPS).</summary>
    public bool SecureCookies { get; set; }

    public static WebOptions Read(IConfiguration configuration) =>
        (configuration.GetSection("Web").Get<WebOptions>() ?? new WebOptions()).Validate();

    public WebOptions Validate()
    {
        var problems = new List<string>();
        if (SessionMinutes is < 5 or > 7 * 24 * 60) problems.Add($"Web:SessionMinutes must be 5..10080 (was {SessionMinutes}).");
        if (PageSize is < 5 or > 500) problems.Add($"Web:PageSize must be 5..500 (was {PageSize}).");
        if (MaxExportRows is < 1 or > 1_000_000) problems.Add($"Web:MaxExportRows must be 1..1000000 (was {MaxExportRows}).");
        if (MaxSnoozeDays is < 1 or > 730) problems.Add($"Web:MaxSnoozeDays must be 1..730 (was {MaxSnoozeDays}).");
        if (problems.Count > 0) throw new OptionsProblemsException(problems);
        return this;
    }
}

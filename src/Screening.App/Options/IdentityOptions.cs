using Screening.Domain.Identity;
using Screening.Interop.Identity;

namespace Screening.App.Options;

/// <summary>
/// Patient identity settings (section <c>Identity</c>, docs/identity.md): the default system of bare ids, per feed
/// (json, ndjson, csv, hl7v2, fhir, synthea) or overall; the known assigning authorities and what to do with an
/// identifier from another one; the system whose MR identifier is shown as the MRN.
/// </summary>
public sealed class IdentityOptions
{
    public string DefaultSystem { get; set; } = "local";
    public Dictionary<string, string> FeedDefaults { get; set; } = new(StringComparer.OrdinalIgnoreCase);
    /// <summary>Known issuing systems; empty = every system is known.</summary>
    public List<string> AssigningAuthorities { get; set; } = [];
    /// <summary>accept | reject: an identifier whose stated system is not in <see cref="AssigningAuthorities"/>.</summary>
    public string UnknownAuthorities { get; set; } = "accept";
    /// <summary>The system whose MR-type identifier is displayed as the MRN; empty = the first MR identifier of any system.</summary>
    public string MrnSystem { get; set; } = "";

    public static IdentityOptions Read(IConfiguration configuration) =>
        configuration.GetSection("Identity").Get<IdentityOptions>() ?? new IdentityOptions();

    /// <summary>For verbs without a host (file-mode screen): appsettings.json next to the binary, then SCREENING_* variables.</summary>
    public static IdentityOptions ReadStandalone() => Read(new ConfigurationBuilder()
        .AddJsonFile(System.IO.Path.Combine(AppContext.BaseDirectory, "appsettings.json"), optional: true)
        .AddEnvironmentVariables("SCREENING_").Build());

    public IEnumerable<string> Problems()
    {
        if (UnknownAuthorities is not ("accept" or "reject"))
            yield return $"Identity:UnknownAuthorities must be accept or reject (was '{UnknownAuthorities}')";
        if (string.IsNullOrWhiteSpace(DefaultSystem)) yield return "Identity:DefaultSystem must not be empty";
    }

    public IdentitySettings ToSettings()
    {
        var problems = Problems().ToList();
        if (problems.Count > 0) throw new OptionsProblemsException(problems);
        return new IdentitySettings
        {
            DefaultSystem = DefaultSystem.Trim(),
            FeedDefaults = new Dictionary<string, string>(FeedDefaults, StringComparer.OrdinalIgnoreCase),
            Authorities = new AssigningAuthorityPolicy(AssigningAuthorities.Select(a => a.Trim()).ToHashSet(StringComparer.Ordinal),
                UnknownAuthorities == "reject"),
        };
    }
}

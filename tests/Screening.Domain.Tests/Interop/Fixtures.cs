using Screening.Domain.Rules;

namespace Screening.Domain.Tests.Interop;

/// <summary>Paths of the copied sample inputs (tests/fixtures, beside the test assembly) and the seed rule set.</summary>
internal static class Fixtures
{
    public static readonly DateTimeOffset ReceivedAt = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static string Path(params string[] parts)
        => System.IO.Path.Combine([AppContext.BaseDirectory, "fixtures", .. parts]);

    public static string Text(params string[] parts) => File.ReadAllText(Path(parts));

    public static string Hl7(string folder, string file) => Path("hl7v2", folder, file);

    public static string Fhir(params string[] parts) => Path(["fhir-r4", .. parts]);

    public static RuleSet Rules()
    {
        var (rules, problems) = RuleFile.Parse(File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", "rules.json")));
        Assert.Empty(problems);
        return rules!;
    }
}

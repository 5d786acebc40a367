using System.Text.Json.Nodes;
using Screening.Domain.Rules;

namespace Screening.Domain.Tests.Support;

/// <summary>The real seed rule file (seeds/rules.json, copied next to the tests), parsed once.</summary>
public static class Seed
{
    private static readonly Lazy<RuleSet> Parsed = new(() =>
    {
        var (rules, problems) = RuleFile.Parse(Json);
        if (rules is null) throw new InvalidOperationException("seed rules.json has problems: " + string.Join("; ", problems));
        return rules;
    });

    public static string Json => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, RuleSet.DefaultFileName));

    public static RuleSet Rules => Parsed.Value;

    /// <summary>The seed with an edit applied, for what-if rule sets (e.g. a shorter interval to reach the 23-month floor).</summary>
    public static RuleSet With(Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(Json)!.AsObject();
        edit(node);
        var (rules, problems) = RuleFile.Parse(node.ToJsonString());
        return rules ?? throw new InvalidOperationException(string.Join("; ", problems));
    }
}

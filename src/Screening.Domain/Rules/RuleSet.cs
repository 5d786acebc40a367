using Screening.Domain.Measures;
using System.Text;

namespace Screening.Domain.Rules;

/// <summary>
/// The active, versioned rule parameters (clinical-rules §9). Built by <see cref="RuleFile.Parse"/>; every
/// number a rule uses comes from here, and every finding records <see cref="Version"/>.
/// </summary>
public sealed class RuleSet
{
    /// <summary>The file name the seed and deployments use.</summary>
    public static string DefaultFileName => "rules.json";

    public required string Version { get; init; }
    public required SharedParameters Shared { get; init; }
    public required AnemiaParameters Anemia { get; init; }
    public required HypocalcemiaParameters Hypocalcemia { get; init; }
    public required DxaParameters Dxa { get; init; }

    /// <summary>Quality measures (HEDIS OSW/OMW and the rules as measures); null when the file has no <c>measures</c> section.</summary>
    public MeasureParameters? Measures { get; init; }

    /// <summary>The named value sets of the file (clinical concepts in every coding system), by name.</summary>
    public IReadOnlyDictionary<string, ValueSet> ValueSets { get; init; } = new Dictionary<string, ValueSet>();

    /// <summary>Every parameter as read, in file order, with its source note.</summary>
    public IReadOnlyList<RuleParameter> Parameters { get; init; } = [];

    /// <summary>A human-readable listing of the active parameters (for <c>screening rules show</c>).</summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append("Rule set version ").Append(Version).Append('\n');
        string? section = null;
        string? lastSource = null;
        foreach (var parameter in Parameters)
        {
            var parts = parameter.Path.Split('.', 3);
            if (parts.Length < 3) continue;
            if (parts[1] != section)
            {
                section = parts[1];
                lastSource = null;
                text.Append('\n').Append('[').Append(section).Append("]\n");
            }
            text.Append("  ").Append(parts[2]).Append(" = ").Append(parameter.Value).Append('\n');
            if (parameter.Source is { } source && source != lastSource) text.Append("      source: ").Append(source).Append('\n');
            lastSource = parameter.Source;
        }
        return text.ToString();
    }
}

namespace Screening.Domain.Rules;

/// <summary>Collects every problem and every accepted parameter while a rule file is read.</summary>
internal sealed class RuleFileReader
{
    public List<RuleFileProblem> Problems { get; } = [];
    public List<RuleParameter> Parameters { get; } = [];

    /// <summary>The file's value sets by name (read first), and the names some rule used.</summary>
    public Dictionary<string, ValueSet> ValueSets { get; } = new(StringComparer.Ordinal);
    public HashSet<string> UsedValueSets { get; } = new(StringComparer.Ordinal);

    public void Problem(string path, string reason) => Problems.Add(new RuleFileProblem(path, reason));

    public void Accept(string path, string value, string? source) => Parameters.Add(new RuleParameter(path, value, source));
}

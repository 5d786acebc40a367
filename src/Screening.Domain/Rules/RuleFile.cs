namespace Screening.Domain.Rules;

/// <summary>Reads and validates a rule file (seeds/rules.json). STUB until the rules issue lands.</summary>
public static class RuleFile
{
    public static (RuleSet? Rules, IReadOnlyList<RuleFileProblem> Problems) Parse(string json)
        => throw new NotImplementedException();
}

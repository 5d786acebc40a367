namespace Screening.App.Options;

/// <summary>Configuration that cannot work, with every problem listed (shown to the operator, then exit code 2).</summary>
public sealed class OptionsProblemsException(IReadOnlyList<string> problems)
    : Exception("Configuration problems:\n  - " + string.Join("\n  - ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}

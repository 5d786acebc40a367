using Screening.Domain.Rules;

namespace Screening.Data.Screening;

/// <summary>The rule set this process screens with (loaded and validated once at start).</summary>
public sealed record ActiveRules(RuleSet Rules)
{
    public string Version => Rules.Version;
}

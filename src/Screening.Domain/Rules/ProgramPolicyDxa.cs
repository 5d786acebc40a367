namespace Screening.Domain.Rules;

/// <summary>
/// The program-policy DXA suggestion on anemia/hypocalcemia tasks: age ≥ 50 and no DXA in the prior 24 months.
/// Not a guideline (clinical-rules §0, §9.2, §9.3); the text says so.
/// </summary>
public sealed record ProgramPolicyDxa(bool Enabled, int MinAgeYears, int NoDxaWithinMonths, string Text)
{
    public const string RequiredLabel = "program policy, not guideline";
}

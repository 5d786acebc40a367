using Screening.Domain.Rules;

namespace Screening.Domain.Screening;

/// <summary>Evaluates every rule for one patient on one as-of date. Pure: no clock, no I/O.</summary>
public static class Screen
{
    public static PatientScreening Evaluate(PatientRecord record, RuleSet rules, DateOnly asOf)
        => throw new NotImplementedException();
}

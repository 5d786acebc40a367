using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Measures;

/// <summary>
/// Every quality measure for one patient on one as-of date (order of <see cref="MeasureIds.All"/>). Pure. A rule
/// measure reads the rule's outcome: Met is the numerator (an open finding), Excluded/Suspended an exclusion, and the
/// reasons listed in <see cref="MeasureParameters.OutsideDenominatorReasons"/> (under-18, not DXA-eligible, not yet eligible…) put the
/// patient outside the denominator.
/// </summary>
public static class QualityMeasures
{
    public static IReadOnlyList<MeasureOutcome> Evaluate(PatientRecord record, RuleSet rules, MeasureParameters measures, DateOnly asOf)
    {
        var screening = Screen.Evaluate(record, rules, asOf);
        var outcomes = new List<MeasureOutcome>(MeasureIds.All.Count)
        {
            OsteoporosisScreeningInOlderWomen.Evaluate(record, rules, measures.Osw, asOf),
            OsteoporosisManagementAfterFracture.Evaluate(record, rules, measures.Omw, asOf),
        };
        foreach (var rule in screening.Outcomes)
            outcomes.Add(FromRule(IsNotYetEligibleForDxa(record, rules, rule, asOf) ? rule with { Reason = NotYetEligible } : rule, measures));
        return outcomes;
    }

    /// <summary>
    /// A never-scanned patient whose DXA due date (= the date she becomes eligible, §9.4b) is still ahead: the rule
    /// reports "not-due" or "due-soon", the measure puts her outside the denominator.
    /// </summary>
    public const string NotYetEligible = "not-yet-eligible";

    private static bool IsNotYetEligibleForDxa(PatientRecord record, RuleSet rules, RuleOutcome rule, DateOnly asOf) =>
        rule.Rule == RuleIds.OverdueDxa && rule.Kind == OutcomeKind.NotMet && rule.DueDate is { } due && due > asOf
        && !BoneDensityTests.Dates(record, rules, rules.Dxa.ProcedureCodes, asOf).Any();

    public static MeasureOutcome FromRule(RuleOutcome rule, MeasureParameters measures)
    {
        if (rule.Reason is { } reason && measures.OutsideDenominatorReasons.Contains(reason)) return new(rule.Rule, MeasureStatus.NotInDenominator, reason);
        return rule.Kind switch
        {
            OutcomeKind.Met => new(rule.Rule, MeasureStatus.Numerator, rule.Reason),
            OutcomeKind.Excluded or OutcomeKind.Suspended => new(rule.Rule, MeasureStatus.Excluded, rule.Reason),
            _ => new(rule.Rule, MeasureStatus.NotMet, rule.Reason),
        };
    }
}

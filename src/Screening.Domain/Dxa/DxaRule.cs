using Screening.Domain.Catalog;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Dxa;

/// <summary>
/// Overdue DXA in the catalog (clinical-rules §9.4): reads DXA T-scores in any setting and DXA procedures (§9.4
/// "Evidence of a DXA"), fracture, risk and secondary-risk diagnoses, and, through the program-policy arm and the
/// secondary-risk flag, what the anemia and hypocalcemia rules read (their findings are DXA risk flags).
/// </summary>
internal sealed class DxaRule : RuleDefinition
{
    public override string Id => RuleIds.OverdueDxa;

    /// <summary>A DXA scan's evidence: a central or radius T-score, any setting.</summary>
    internal static bool ReadsScan(RuleSet rules, in CountedResult result)
    {
        var loinc = result.Source.Loinc.Trim();
        return result.Kind == Analyte.DxaTScore && (rules.Dxa.CentralTScores.Contains(loinc) || rules.Dxa.RadiusTScores.Contains(loinc));
    }

    public static bool ReadsScan(RuleSet rules, Procedure procedure) => rules.Dxa.ProcedureCodes.Matches(procedure.Code, procedure.System);

    internal override bool Reads(RuleSet rules, in CountedResult result) =>
        ReadsScan(rules, result)
        || (UsesAnemia(rules) && RuleCatalog.PersistentAnemia.Reads(rules, result))
        || (UsesHypocalcemia(rules) && RuleCatalog.PersistentHypocalcemia.Reads(rules, result));

    public override bool Reads(RuleSet rules, Diagnosis diagnosis)
    {
        var d = rules.Dxa;
        return d.FragilityFractureCodes.Matches(diagnosis.Code, diagnosis.System) || d.RiskConditionCodes.Matches(diagnosis.Code, diagnosis.System)
            || d.SecondaryRiskCodes.Matches(diagnosis.Code, diagnosis.System)
            || (UsesAnemia(rules) && RuleCatalog.PersistentAnemia.Reads(rules, diagnosis))
            || (UsesHypocalcemia(rules) && RuleCatalog.PersistentHypocalcemia.Reads(rules, diagnosis));
    }

    public override bool Reads(RuleSet rules, Procedure procedure) => ReadsScan(rules, procedure);

    private static bool UsesAnemia(RuleSet rules) => rules.Dxa.ProgramPolicyArm;

    private static bool UsesHypocalcemia(RuleSet rules) => rules.Dxa.ProgramPolicyArm || rules.Dxa.SecondaryRiskPersistentHypocalcemia;

    public override string Describe(RuleSet rules)
    {
        var d = rules.Dxa;
        return $"Overdue DXA: eligible for bone-density screening (women from {d.WomenFromAgeYears}, men from {d.MenFromAgeYears}, from " +
            $"{d.RiskFlagFromAgeYears} with a risk flag) and past the due date (last scan + interval by T-score band, never under " +
            $"{d.Intervals.MinimumMonths} months) by more than the grace period ({d.GraceDaysAfterPriorScan} days after a prior scan, " +
            $"{d.GraceDaysNeverScanned} days after eligibility when never scanned).";
    }

    public override IReadOnlyList<string> Workup(RuleSet rules) => rules.Dxa.SuggestedWorkup;
}

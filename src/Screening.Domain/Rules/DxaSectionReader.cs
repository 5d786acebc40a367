using Screening.Domain.Results;
using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>Reads <c>$.dxa</c> (clinical-rules §9.4, clarifications, §9.4b).</summary>
internal static class DxaSectionReader
{
    public static DxaParameters? Read(JsonSection root)
    {
        var section = root.Object("dxa", withSources: true);
        if (section is null) return null;

        var eligibility = section.Object("eligibility");
        int women = 0, men = 0, riskAge = 0;
        if (eligibility is not null)
        {
            women = eligibility.Int("womenFromAgeYears", 18, 130);
            men = eligibility.Int("menFromAgeYears", 18, 130);
            riskAge = eligibility.Int("riskFlagFromAgeYears", 18, 130);
            eligibility.Finish();
        }

        var risk = section.Object("riskFlags");
        CodeSet fractures = CodeSet.Empty, conditions = CodeSet.Empty;
        decimal priorT = 0m;
        var policyArm = false;
        if (risk is not null)
        {
            fractures = RuleFileValues.Codes(risk, "fragilityFractureCodes");
            conditions = RuleFileValues.Codes(risk, "conditionCodes");
            priorT = risk.Decimal("priorTScoreAtOrBelow", -10m, 10m);
            policyArm = risk.Bool("programPolicyArm");
            risk.Finish();
        }

        var procedures = RuleFileValues.Codes(section, "procedureCodes");
        var central = RuleFileValues.Loincs(section, "centralTScores", Analyte.DxaTScore);
        var radius = RuleFileValues.Loincs(section, "radiusTScores", Analyte.DxaTScore);
        foreach (var code in radius)
            if (central.Contains(code)) section.Reader.Problem(section.At("radiusTScores"), $"LOINC '{code}' is listed as both central and radius");
        var intervals = DxaIntervalsReader.Read(section);

        var secondary = section.Object("secondaryRisk");
        CodeSet secondaryCodes = CodeSet.Empty;
        var secondaryHypocalcemia = false;
        if (secondary is not null)
        {
            secondaryCodes = RuleFileValues.Codes(secondary, "codes", allowEmpty: true);
            secondaryHypocalcemia = secondary.Bool("persistentHypocalcemia");
            secondary.Finish();
        }

        var dueSoon = section.Int("dueSoonDays", 0, 365);
        var gracePrior = section.Int("graceDaysAfterPriorScan", 0, 365);
        var graceNever = section.Int("graceDaysNeverScanned", 0, 365);
        var highAtOrBelow = section.Decimal("highPriorityAtOrBelowTScore", -10m, 10m);
        var reviewAtOrBelow = section.Decimal("medicationReviewAtOrBelowTScore", -10m, 10m);
        var reviewText = section.Text("medicationReviewText");
        var workup = section.Texts("suggestedWorkup", allowEmpty: true);
        section.Finish();

        return new DxaParameters
        {
            WomenFromAgeYears = women,
            MenFromAgeYears = men,
            RiskFlagFromAgeYears = riskAge,
            FragilityFractureCodes = fractures,
            RiskConditionCodes = conditions,
            PriorTScoreRiskAtOrBelow = TScore.Of(priorT),
            ProgramPolicyArm = policyArm,
            ProcedureCodes = procedures,
            CentralTScores = central,
            RadiusTScores = radius,
            Intervals = intervals,
            SecondaryRiskCodes = secondaryCodes,
            SecondaryRiskPersistentHypocalcemia = secondaryHypocalcemia,
            DueSoonDays = dueSoon,
            GraceDaysAfterPriorScan = gracePrior,
            GraceDaysNeverScanned = graceNever,
            HighPriorityAtOrBelow = TScore.Of(highAtOrBelow),
            MedicationReviewAtOrBelow = TScore.Of(reviewAtOrBelow),
            MedicationReviewText = reviewText,
            SuggestedWorkup = workup,
        };
    }
}

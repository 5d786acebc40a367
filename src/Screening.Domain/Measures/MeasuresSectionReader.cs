using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Measures;

/// <summary>Reads the optional <c>$.measures</c> section (clinical-rules §5.4, §9.4 "HEDIS overlays").</summary>
internal static class MeasuresSectionReader
{
    private static readonly HashSet<string> KnownReasons =
    [
        OutcomeReasons.Under18, OutcomeReasons.UnknownAge, OutcomeReasons.NotEligible, OutcomeReasons.Deceased, OutcomeReasons.Hospice,
        OutcomeReasons.OptedOut, OutcomeReasons.Pregnancy, OutcomeReasons.ManagedElsewhere, OutcomeReasons.NoResults, QualityMeasures.NotYetEligible,
    ];

    public static MeasureParameters? Read(JsonSection root)
    {
        if (!root.Has("measures")) return null;
        var section = root.Object("measures", withSources: true);
        if (section is null) return null;

        var osw = section.Object("osw");
        int oswFrom = 0, oswTo = 0;
        var oswCodes = CodeSet.Empty;
        if (osw is not null)
        {
            oswFrom = osw.Int("fromAgeYears", 18, 130);
            oswTo = osw.Int("toAgeYears", 18, 130);
            oswCodes = RuleFileValues.Codes(osw, "screeningCodes");
            if (oswFrom > oswTo) root.Reader.Problem(osw.At("toAgeYears"), $"out of range: {oswTo} is below fromAgeYears {oswFrom}");
            osw.Finish();
        }

        var omw = section.Object("omw");
        OmwParameters? omwParameters = null;
        if (omw is not null)
        {
            omwParameters = new OmwParameters
            {
                FromAgeYears = omw.Int("fromAgeYears", 18, 130),
                ToAgeYears = omw.Int("toAgeYears", 18, 130),
                IntakeStartMonthPriorYear = omw.Int("intakeStartMonthPriorYear", 1, 12),
                IntakeEndMonth = omw.Int("intakeEndMonth", 1, 12),
                FractureCodes = RuleFileValues.Codes(omw, "fractureCodes"),
                TherapyCodes = RuleFileValues.Codes(omw, "therapyCodes"),
                TreatmentWindowDays = omw.Int("treatmentWindowDays", 1, 3650),
                PriorBmdExclusionDays = omw.Int("priorBmdExclusionDays", 0, 3650),
                PriorTherapyExclusionDays = omw.Int("priorTherapyExclusionDays", 0, 3650),
            };
            if (omwParameters.FromAgeYears > omwParameters.ToAgeYears)
                root.Reader.Problem(omw.At("toAgeYears"), $"out of range: {omwParameters.ToAgeYears} is below fromAgeYears {omwParameters.FromAgeYears}");
            omw.Finish();
        }

        var ruleMeasures = section.Object("ruleMeasures");
        var outside = new HashSet<string>(StringComparer.Ordinal);
        if (ruleMeasures is not null)
        {
            var reasons = ruleMeasures.Texts("outsideDenominatorReasons", allowEmpty: true);
            for (var i = 0; i < reasons.Count; i++)
                if (!KnownReasons.Contains(reasons[i]))
                    root.Reader.Problem($"{ruleMeasures.At("outsideDenominatorReasons")}[{i}]", $"unknown outcome reason '{reasons[i]}'");
                else outside.Add(reasons[i]);
            ruleMeasures.Finish();
        }
        section.Finish();
        if (osw is null || omwParameters is null || ruleMeasures is null) return null;

        return new MeasureParameters
        {
            Osw = new OswParameters { FromAgeYears = oswFrom, ToAgeYears = oswTo, ScreeningCodes = oswCodes },
            Omw = omwParameters,
            OutsideDenominatorReasons = outside,
        };
    }
}

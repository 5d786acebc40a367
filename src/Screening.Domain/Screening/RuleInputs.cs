using Screening.Domain.Hypocalcemia;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;

namespace Screening.Domain.Screening;

/// <summary>
/// Whether some nightly rule reads an item at all, so that a future-dated one is a real change point: Hb of the
/// anemia LOINCs and calcium/albumin inputs outside excluded settings (§9.1 "Setting filter"), DXA T-scores in any
/// setting (§9.4), diagnoses in one of the rules' code sets, DXA procedures (§9.4 "Evidence of a DXA").
/// </summary>
internal static class RuleInputs
{
    public static bool Reads(RuleSet rules, in CountedResult result)
    {
        var loinc = result.Source.Loinc.Trim();
        return result.Kind switch
        {
            Analyte.Hemoglobin => rules.Anemia.Analytes.Contains(loinc) && !rules.Shared.IsExcludedSetting(result.Source),
            Analyte.DxaTScore => rules.Dxa.CentralTScores.Contains(loinc) || rules.Dxa.RadiusTScores.Contains(loinc),
            _ => CalciumDays.IsCalciumInput(result, rules.Hypocalcemia) && !rules.Shared.IsExcludedSetting(result.Source),
        };
    }

    public static bool Reads(RuleSet rules, Diagnosis diagnosis)
    {
        bool In(CodeSet codes) => codes.Matches(diagnosis.Code, diagnosis.System);
        return In(rules.Anemia.ManagedElsewhereCodes) || In(rules.Anemia.PregnancyCodes)
            || In(rules.Hypocalcemia.ManagedElsewhereCodes) || In(rules.Hypocalcemia.CkdCodes) || In(rules.Hypocalcemia.HighPriorityTherapyCodes)
            || In(rules.Dxa.FragilityFractureCodes) || In(rules.Dxa.RiskConditionCodes) || In(rules.Dxa.SecondaryRiskCodes);
    }

    public static bool Reads(RuleSet rules, Procedure procedure) => rules.Dxa.ProcedureCodes.Matches(procedure.Code, procedure.System);
}

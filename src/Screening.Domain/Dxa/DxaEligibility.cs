using Screening.Domain.Patients;
using Screening.Domain.Screening;

namespace Screening.Domain.Dxa;

/// <summary>
/// When a patient became eligible for DXA screening (clinical-rules §9.4b "DXA eligibility routes", earliest wins):
/// women from the 65th birthday, men from the 70th; any sex from the date a risk flag first applied, never before the
/// 50th birthday. Risk flags: fragility fracture dated after the 50th birthday; RA, primary hyperparathyroidism or
/// osteoporosis (an undated diagnosis counts from the 50th birthday); a prior scan with T ≤ −2.0; and, as program
/// policy, a current persistent-anemia or persistent-hypocalcemia finding from the day its streak first met the rule.
/// </summary>
internal static class DxaEligibility
{
    public static (DateOnly On, string Route)? Of(Chart chart, RuleEvaluation anemia, RuleEvaluation hypocalcemia)
    {
        var parameters = chart.Rules.Dxa;
        var birth = chart.Patient.BirthDate!.Value;
        (DateOnly On, string Route)? best = null;
        void Consider(DateOnly on, string route)
        {
            if (best is null || on < best.Value.On) best = (on, route);
        }

        if (chart.Patient.Sex == Sex.Female) Consider(Ages.Birthday(birth, parameters.WomenFromAgeYears), $"woman ≥ {parameters.WomenFromAgeYears}");
        if (chart.Patient.Sex == Sex.Male) Consider(Ages.Birthday(birth, parameters.MenFromAgeYears), $"man ≥ {parameters.MenFromAgeYears}");

        var riskFloor = Ages.Birthday(birth, parameters.RiskFlagFromAgeYears);
        void Flag(DateOnly on, string route) => Consider(on > riskFloor ? on : riskFloor, route);

        foreach (var diagnosis in chart.Diagnoses)
        {
            if (parameters.FragilityFractureCodes.Matches(diagnosis.Code, diagnosis.System))
            {
                if (diagnosis.Onset is { } fractured && fractured >= riskFloor) Flag(fractured, $"fragility fracture after {parameters.RiskFlagFromAgeYears} ({diagnosis.Code})");
            }
            else if (parameters.RiskConditionCodes.Matches(diagnosis.Code, diagnosis.System))
            {
                Flag(diagnosis.Onset ?? riskFloor, $"risk condition ({diagnosis.Code})");
            }
        }

        foreach (var scan in chart.Dxa.Scans)
        {
            if (scan.Used is { } score && score <= parameters.PriorTScoreRiskAtOrBelow)
            {
                Flag(scan.On, $"prior T-score {score} ≤ {parameters.PriorTScoreRiskAtOrBelow}");
                break;
            }
        }

        if (parameters.ProgramPolicyArm)
        {
            if (anemia.MetOn is { } anemiaSince) Flag(anemiaSince, "persistent anemia (program policy, not guideline)");
            if (hypocalcemia.MetOn is { } calciumSince) Flag(calciumSince, "persistent hypocalcemia (program policy, not guideline)");
        }
        return best;
    }
}

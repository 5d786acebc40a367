using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>OVERDUE DXA parameters (clinical-rules §9.4, clarifications, §9.4b).</summary>
public sealed class DxaParameters
{
    /// <summary>Women from the 65th birthday (USPSTF 2025, §5.1).</summary>
    public required int WomenFromAgeYears { get; init; }
    /// <summary>Men from the 70th birthday (BHOF/NOF, Endocrine Society 2012, ISCD; §5.1).</summary>
    public required int MenFromAgeYears { get; init; }
    /// <summary>Risk-flag route from age 50, never before the 50th birthday (BHOF/ISCD, §9.4b).</summary>
    public required int RiskFlagFromAgeYears { get; init; }
    /// <summary>Fragility fractures after 50, not finger/toe/face/skull (HEDIS OMW exclusions, §9.4b).</summary>
    public required CodeSet FragilityFractureCodes { get; init; }
    /// <summary>RA M05/M06, primary hyperparathyroidism E21.0, osteoporosis M80/M81 (§9.4b risk flags).</summary>
    public required CodeSet RiskConditionCodes { get; init; }
    /// <summary>A prior DXA T-score ≤ −2.0 is a monitoring risk flag (§9.4b).</summary>
    public required TScore PriorTScoreRiskAtOrBelow { get; init; }
    /// <summary>Program policy: a current persistent-anemia/hypocalcemia finding is a risk flag at ≥ 50 (§0, §9.4).</summary>
    public required bool ProgramPolicyArm { get; init; }
    /// <summary>DXA evidence: CPT 77080/77081/77085, SNOMED 312681000; 77086 alone does not count (§6.3, §9.4).</summary>
    public required CodeSet ProcedureCodes { get; init; }
    /// <summary>Central T-scores: spine 38267-1, hip 38264-8/80946-7/80945-9, femur 38263-0/80948-3/80947-5 (§6.2).</summary>
    public required IReadOnlySet<string> CentralTScores { get; init; }
    /// <summary>Radius/ulna 38265-5: used only when the scan date has no central T-score (§9.4 clarifications).</summary>
    public required IReadOnlySet<string> RadiusTScores { get; init; }
    /// <summary>Interval table (§9.4).</summary>
    public required DxaIntervals Intervals { get; init; }
    /// <summary>Secondary-risk diagnoses → 2-year interval: hyperparathyroidism, long-term glucocorticoids, aromatase inhibitors (§9.4).</summary>
    public required CodeSet SecondaryRiskCodes { get; init; }
    /// <summary>A current persistent-hypocalcemia finding is a secondary-risk flag (§9.4 interval row).</summary>
    public required bool SecondaryRiskPersistentHypocalcemia { get; init; }
    /// <summary>Due-soon window 60 days before the due date (Epic HM lifecycle, §9.4).</summary>
    public required int DueSoonDays { get; init; }
    /// <summary>Overdue 30 days after the due date when previously scanned (§9.4).</summary>
    public required int GraceDaysAfterPriorScan { get; init; }
    /// <summary>Never scanned: overdue 90 days after eligibility (USPSTF/BHOF, §9.4).</summary>
    public required int GraceDaysNeverScanned { get; init; }
    /// <summary>High priority when the last T-score ≤ −2.0 (§9.4b "Priority").</summary>
    public required TScore HighPriorityAtOrBelow { get; init; }
    /// <summary>Osteoporosis-medication review suggested at T ≤ −2.5 (§9.4 "Outreach task").</summary>
    public required TScore MedicationReviewAtOrBelow { get; init; }
    /// <summary>Work-up suggestions on every overdue-DXA task (§9.4 "Outreach task").</summary>
    public required IReadOnlyList<string> SuggestedWorkup { get; init; }
    /// <summary>Medication-review text used when the T-score is at or below <see cref="MedicationReviewAtOrBelow"/>.</summary>
    public required string MedicationReviewText { get; init; }
}

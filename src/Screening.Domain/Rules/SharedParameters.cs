using Screening.Domain.Results;

namespace Screening.Domain.Rules;

/// <summary>Plumbing shared by all rules (clinical-rules §9.1, §9.4b).</summary>
public sealed class SharedParameters
{
    /// <summary>final, amended, corrected (HL7 Table 0085 / FHIR observation-status, clinical-rules §7, §9.1).</summary>
    public required IReadOnlySet<ResultStatus> CountableStatuses { get; init; }
    /// <summary>Inpatient, emergency, dialysis specimens are invisible to persistence rules (§9.1, §9.4b).</summary>
    public required IReadOnlySet<EncounterSetting> ExcludedSettings { get; init; }
    /// <summary>Global exclusion: age &lt; 18 (HEDIS/registry practice, §9.1).</summary>
    public required int MinimumAgeYears { get; init; }
    /// <summary>Lab low limit replaces the default threshold when within ±10 % of it (§9.1 "Reference range").</summary>
    public required decimal ReferenceLowTolerance { get; init; }
    /// <summary>Quarantine ranges (§9.1 "Plausibility").</summary>
    public required PlausibilityLimits Plausibility { get; init; }
    /// <summary>Severe values for the alert path (§9.1 "Severe values").</summary>
    public required CriticalLimits Critical { get; init; }
    /// <summary>Longest snooze a care team may set; the task reopens on expiry if still met (§9.1 "Snooze", Epic postpone).</summary>
    public int SnoozeMaxDays { get; init; } = 180;
    /// <summary>
    /// After a care team completes or dismisses a task, the same finding (same evidence) does not open a new task for
    /// this many days; new evidence opens one at once (§9.1 "Task uniqueness"; TouchWorks temporary deferral).
    /// </summary>
    public int WorkedTaskQuietDays { get; init; } = 180;

    public bool Counts(LabObservation observation) => CountableStatuses.Contains(observation.Status);

    public bool IsExcludedSetting(LabObservation observation) => ExcludedSettings.Contains(observation.Setting);
}

using Screening.Domain.Patients;
using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>PERSISTENT ANEMIA parameters (clinical-rules §9.2, §9.4b).</summary>
public sealed class AnemiaParameters
{
    /// <summary>Hb LOINCs counted: 718-7, 30350-3, 59260-0, 20509-6; arterial 30313-1 excluded (WHO 2024 prefers venous, §9.2).</summary>
    public required IReadOnlySet<string> Analytes { get; init; }
    /// <summary>Women: Hb &lt; 12.0 g/dL (WHO 2024, §1.1).</summary>
    public required Hemoglobin FemaleBelow { get; init; }
    /// <summary>Men: Hb &lt; 13.0 g/dL (WHO 2024, §1.1).</summary>
    public required Hemoglobin MaleBelow { get; init; }
    /// <summary>Other/unknown sex: Hb &lt; 12.0 g/dL (§9.2 "unknown/other sex → … else &lt; 12.0").</summary>
    public required Hemoglobin OtherOrUnknownBelow { get; init; }
    /// <summary>Severity methodology name, e.g. WHO-2011-adult (WHO/NMH/NHD/MNM/11.1, §1.2).</summary>
    public required string SeverityBands { get; init; }
    /// <summary>Mild band starts at 11.0 g/dL (WHO 2011 adult bands, §1.2).</summary>
    public required Hemoglobin MildFrom { get; init; }
    /// <summary>Moderate band starts at 8.0 g/dL; below is severe (WHO 2011 adult bands, §1.2).</summary>
    public required Hemoglobin ModerateFrom { get; init; }
    /// <summary>≥ 2 lows, span ≥ 180 d, gaps ≤ 365 d, latest low ≤ 365 d before as-of (§9.2, §9.1, §9.4b).</summary>
    public required PersistenceParameters Persistence { get; init; }
    /// <summary>Pregnancy codes: ICD-10 O*, Z33*; SNOMED 72892002 (§9.4b "Pregnancy").</summary>
    public required CodeSet PregnancyCodes { get; init; }
    /// <summary>Pregnancy without abatement lasts 280 days (§9.4b).</summary>
    public required int PregnancyDefaultDays { get; init; }
    /// <summary>Postpartum window of 42 days after pregnancy end (§9.4b).</summary>
    public required int PostpartumDays { get; init; }
    /// <summary>High priority when the lowest Hb &lt; 11.0 g/dL, i.e. moderate or worse (§9.4b "Priority").</summary>
    public required Hemoglobin HighPriorityBelow { get; init; }
    /// <summary>High priority from age 65 (§9.2 "+1 if age ≥ 65", §9.4b).</summary>
    public required int HighPriorityFromAgeYears { get; init; }
    /// <summary>Diagnoses routed to an owning team instead of generic outreach (§9.2; empty by default).</summary>
    public required CodeSet ManagedElsewhereCodes { get; init; }
    /// <summary>Work-up suggestions on the task (§9.2 "Outreach task"; AGA 2020, WHO 2020).</summary>
    public required IReadOnlyList<string> SuggestedWorkup { get; init; }
    /// <summary>DXA suggestion arm, program policy (§0, §9.2).</summary>
    public required ProgramPolicyDxa ProgramPolicyDxa { get; init; }

    public Hemoglobin ThresholdFor(Sex sex) => sex switch
    {
        Sex.Female => FemaleBelow,
        Sex.Male => MaleBelow,
        _ => OtherOrUnknownBelow,
    };
}

using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>PERSISTENT HYPOCALCEMIA parameters (clinical-rules §9.3, §9.4b "Calcium").</summary>
public sealed class HypocalcemiaParameters
{
    /// <summary>Total Ca 17861-6, 2000-8, and whole-blood 49765-1 treated as total (§9.4b convenience for Synthea).</summary>
    public required IReadOnlySet<string> TotalCalcium { get; init; }
    /// <summary>Lab-corrected Ca 29265-6, 46099-8, used as-is (no double correction, §9.3).</summary>
    public required IReadOnlySet<string> CorrectedCalcium { get; init; }
    /// <summary>Ionized Ca 1994-3, 1995-0, 17863-2, 38230-9, 47596-2: wins over total on the same day (KDIGO, §2.4).</summary>
    public required IReadOnlySet<string> IonizedCalcium { get; init; }
    /// <summary>Albumin 1751-7, 61151-7, 61152-5, 54347-0 (§6.1).</summary>
    public required IReadOnlySet<string> Albumin { get; init; }
    /// <summary>Total/corrected Ca &lt; 8.5 mg/dL (2.12 mmol/L) (§2.1, §9.3).</summary>
    public required Calcium TotalBelow { get; init; }
    /// <summary>Ionized Ca &lt; 1.12 mmol/L (4.5 mg/dL) (§2.3, §9.3).</summary>
    public required IonizedCalcium IonizedBelow { get; init; }
    /// <summary>Albumin correction formula and window (§2.2, §2.4, §9.3).</summary>
    public required AlbuminCorrection Correction { get; init; }
    /// <summary>CKD N18.3x/N18.4/N18.5/N18.6/Z99.2/Z49.* disables correction (Gauci 2008; Lian &amp; Åsberg 2018; §9.4b).</summary>
    public required CodeSet CkdCodes { get; init; }
    /// <summary>≥ 2 lows, span ≥ 30 d, gaps ≤ 180 d, latest low ≤ 365 d before as-of (§9.3, §9.1).</summary>
    public required PersistenceParameters Persistence { get; init; }
    /// <summary>"chronic" flag at span ≥ 90 days (KDIGO-style 3-month chronicity, §9.3).</summary>
    public required int ChronicSpanDays { get; init; }
    /// <summary>High priority when lowest total/corrected &lt; 8.0 mg/dL (§9.3, §9.4b).</summary>
    public required Calcium HighPriorityBelow { get; init; }
    /// <summary>High priority when lowest ionized &lt; 1.0 mmol/L (§9.3, §9.4b).</summary>
    public required IonizedCalcium HighPriorityIonizedBelow { get; init; }
    /// <summary>High priority while a therapy of this set is active on as-of: antiresorptives worsen hypocalcemia (§9.3 "Priority").</summary>
    public CodeSet HighPriorityTherapyCodes { get; init; } = CodeSet.Empty;
    /// <summary>Hypoparathyroidism E20.x/E89.2, ESRD/dialysis: managed elsewhere (§9.3 "routing").</summary>
    public required CodeSet ManagedElsewhereCodes { get; init; }
    /// <summary>Work-up suggestions (§9.3 "Outreach task").</summary>
    public required IReadOnlyList<string> SuggestedWorkup { get; init; }
    /// <summary>DXA suggestion arm, program policy (§9.3).</summary>
    public required ProgramPolicyDxa ProgramPolicyDxa { get; init; }
}

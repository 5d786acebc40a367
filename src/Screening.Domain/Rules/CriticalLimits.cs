using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>Severe values that go to the immediate clinical-alert path (clinical-rules §9.1 "Severe values").</summary>
public sealed class CriticalLimits
{
    /// <summary>Hb &lt; 8.0 g/dL: WHO 2011 severe band (clinical-rules §1.2).</summary>
    public required Hemoglobin HemoglobinBelow { get; init; }
    /// <summary>Total/corrected Ca &lt; 7.6 mg/dL (1.9 mmol/L): Society for Endocrinology emergency guidance, Turner 2016 (§2.1).</summary>
    public required Calcium CalciumBelow { get; init; }
    /// <summary>Ionized Ca &lt; 0.9 mmol/L: trauma guidance / US lab critical limits ≈ 0.82 (§2.3).</summary>
    public required IonizedCalcium IonizedCalciumBelow { get; init; }
}

using Screening.Domain.Results;
using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>Values outside these ranges are quarantined as <c>implausible-value</c> (clinical-rules §9.1 "Plausibility").</summary>
public sealed class PlausibilityLimits
{
    /// <summary>Hb 2–25 g/dL: catches g/L-vs-g/dL unit errors (clinical-rules §9.1).</summary>
    public required Limits<Hemoglobin> Hemoglobin { get; init; }
    /// <summary>Total and corrected calcium 3–20 mg/dL (clinical-rules §9.1).</summary>
    public required Limits<Calcium> Calcium { get; init; }
    /// <summary>Ionized calcium 0.3–3.0 mmol/L (clinical-rules §9.1).</summary>
    public required Limits<IonizedCalcium> IonizedCalcium { get; init; }
    /// <summary>Albumin 0.5–7 g/dL (clinical-rules §9.1).</summary>
    public required Limits<Albumin> Albumin { get; init; }
    /// <summary>DXA T-score −10…+10: a wider guard than any reported score (project choice; §6.2 allows negatives).</summary>
    public required Limits<TScore> TScore { get; init; }

    /// <summary>The limits of the seed rule file, for callers that have no rule set at hand.</summary>
    public static PlausibilityLimits Default { get; } = new()
    {
        Hemoglobin = new(Units.Hemoglobin.FromGramsPerDeciliter(2m), Units.Hemoglobin.FromGramsPerDeciliter(25m)),
        Calcium = new(Units.Calcium.FromMilligramsPerDeciliter(3m), Units.Calcium.FromMilligramsPerDeciliter(20m)),
        IonizedCalcium = new(Units.IonizedCalcium.FromMillimolesPerLiter(0.3m), Units.IonizedCalcium.FromMillimolesPerLiter(3.0m)),
        Albumin = new(Units.Albumin.FromGramsPerDeciliter(0.5m), Units.Albumin.FromGramsPerDeciliter(7m)),
        TScore = new(Units.TScore.Of(-10m), Units.TScore.Of(10m)),
    };

    /// <summary>Whether a value in the analyte's canonical unit is plausible; context labs only need to be ≥ 0.</summary>
    public bool IsPlausible(Analyte analyte, decimal canonical) => analyte switch
    {
        Analyte.Hemoglobin => Hemoglobin.Contains(Units.Hemoglobin.FromGramsPerDeciliter(canonical)),
        Analyte.TotalCalcium or Analyte.CorrectedCalcium => Calcium.Contains(Units.Calcium.FromMilligramsPerDeciliter(canonical)),
        Analyte.IonizedCalcium => IonizedCalcium.Contains(Units.IonizedCalcium.FromMillimolesPerLiter(canonical)),
        Analyte.Albumin => Albumin.Contains(Units.Albumin.FromGramsPerDeciliter(canonical)),
        Analyte.DxaTScore => TScore.Contains(Units.TScore.Of(canonical)),
        _ => canonical >= 0m,
    };
}

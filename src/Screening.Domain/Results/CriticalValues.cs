using System.Globalization;
using Screening.Domain.Rules;
using Screening.Domain.Units;

namespace Screening.Domain.Results;

/// <summary>
/// Detects a severe value in one newly stored result, any encounter setting (clinical-rules §9.1 "Severe values"):
/// Hb &lt; 8.0 g/dL, total or corrected Ca &lt; 7.6 mg/dL (1.9 mmol/L), ionized Ca &lt; 0.9 mmol/L. Only countable
/// statuses; unknown units and implausible values are never critical (they are quarantined instead).
/// </summary>
public static class CriticalValues
{
    public static CriticalValue? Detect(LabObservation observation, RuleSet rules)
    {
        if (!rules.Shared.Counts(observation)) return null;
        if (LabValues.Check(observation.Loinc, observation.Value, observation.Unit, rules) is not LabValueVerdict.Accepted accepted) return null;
        var limits = rules.Shared.Critical;
        decimal? limit = accepted.Kind switch
        {
            Analyte.Hemoglobin when Hemoglobin.FromGramsPerDeciliter(accepted.Value) < limits.HemoglobinBelow
                => limits.HemoglobinBelow.GramsPerDeciliter,
            Analyte.TotalCalcium or Analyte.CorrectedCalcium when Calcium.FromMilligramsPerDeciliter(accepted.Value) < limits.CalciumBelow
                => limits.CalciumBelow.MilligramsPerDeciliter,
            Analyte.IonizedCalcium when IonizedCalcium.FromMillimolesPerLiter(accepted.Value) < limits.IonizedCalciumBelow
                => limits.IonizedCalciumBelow.MillimolesPerLiter,
            _ => null,
        };
        if (limit is not { } below) return null;

        var value = decimal.Round(accepted.Value, 3, MidpointRounding.AwayFromZero);
        var summary = string.Create(CultureInfo.InvariantCulture,
            $"Critical low {accepted.Analyte} {Display.Number(value)} {accepted.Unit} on {Display.Date(observation.CollectedOn)} (below {Display.Number(below)} {accepted.Unit})");
        return new CriticalValue(accepted.Analyte, value, accepted.Unit, observation.CollectedOn, summary,
            observation.SourceSystem, observation.ResultId, observation.Loinc.Trim(), below);
    }
}

using Screening.Domain.Persistence;
using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Domain.Units;

namespace Screening.Domain.Hypocalcemia;

/// <summary>
/// Builds the daily calcium series (clinical-rules §9.3, §9.4b "Calcium"). Per day, over visible countable values:
/// (1) the lowest ionized Ca; else (2) the lowest lab-corrected Ca as reported (with CKD only when no total exists
/// that day); else (3) the lowest total Ca, albumin-corrected with the lowest same-day albumin when no CKD and
/// 3.0 ≤ albumin &lt; 4.0 g/dL; a low total on a day with albumin &lt; 3.0 is skipped ("needs ionized Ca"), a normal
/// one counts as normal; otherwise the total is used uncorrected. CKD is looked up only for a day it can change
/// (<paramref name="ckd"/> on first need), so its abatement is a change point only when it matters.
/// </summary>
internal static class CalciumDays
{
    public static List<CalciumDay> Build(Chart chart, ref bool? ckd, out int skippedLowAlbuminDays)
    {
        var parameters = chart.Rules.Hypocalcemia;
        var values = new List<CountedResult>();
        foreach (var result in chart.Results)
            if (IsCalciumInput(result, parameters) && chart.IsVisibleForPersistence(result)) values.Add(result);
        values.Sort(CountedResult.ByDayThenValue);

        var days = new List<CalciumDay>();
        skippedLowAlbuminDays = 0;
        var i = 0;
        while (i < values.Count)
        {
            var day = values[i].Day;
            CountedResult? ionized = null, labCorrected = null, total = null, albumin = null;
            for (; i < values.Count && values[i].Day == day; i++)
            {
                var value = values[i]; // ascending by value within a day: the first of each kind is its lowest
                switch (value.Kind)
                {
                    case Analyte.IonizedCalcium: ionized ??= value; break;
                    case Analyte.CorrectedCalcium: labCorrected ??= value; break;
                    case Analyte.TotalCalcium: total ??= value; break;
                    case Analyte.Albumin: albumin ??= value; break;
                }
            }
            if (Choose(chart, ref ckd, ionized, labCorrected, total, albumin) is { } chosen) days.Add(chosen);
            else if (total is not null && ionized is null) skippedLowAlbuminDays++;
        }
        return days;
    }

    private static CalciumDay? Choose(Chart chart, ref bool? ckd, CountedResult? ionized, CountedResult? labCorrected, CountedResult? total, CountedResult? albumin)
    {
        var parameters = chart.Rules.Hypocalcemia;
        var tolerance = chart.Rules.Shared.ReferenceLowTolerance;
        if (ionized is { } ica)
        {
            var threshold = IonizedCalcium.FromMillimolesPerLiter(ReferenceLow.Choose(
                parameters.IonizedBelow.MillimolesPerLiter, ica.Source, ica.Kind, tolerance, out _));
            var value = IonizedCalcium.FromMillimolesPerLiter(ica.Value);
            return new CalciumDay(ica.Day, CalciumBasis.Ionized, CalciumNotes.Ionized, value, null, value < threshold, ica.Source);
        }
        if (labCorrected is { } corrected && !(total is not null && Ckd(chart, ref ckd)))
        {
            var value = Calcium.FromMilligramsPerDeciliter(corrected.Value);
            return new CalciumDay(corrected.Day, CalciumBasis.LabCorrected, CalciumNotes.LabCorrected, null, value,
                value < TotalThreshold(chart, corrected), corrected.Source);
        }
        if (total is not { } ca) return null;

        var measured = Calcium.FromMilligramsPerDeciliter(ca.Value);
        var limit = TotalThreshold(chart, ca);
        if (albumin is { } alb)
        {
            var albuminValue = Albumin.FromGramsPerDeciliter(alb.Value);
            var correction = parameters.Correction;
            if (correction.Applies(albuminValue) && !Ckd(chart, ref ckd))
            {
                var adjusted = correction.Correct(measured, albuminValue);
                return new CalciumDay(ca.Day, CalciumBasis.AlbuminCorrected, correction.Method, null, adjusted,
                    adjusted < limit, ca.Source, albuminValue, measured);
            }
            if (albuminValue < correction.MinAlbumin && measured < limit && !Ckd(chart, ref ckd)) return null; // needs ionized Ca
        }
        return new CalciumDay(ca.Day, CalciumBasis.TotalUncorrected, CalciumNotes.TotalUncorrected, null, measured, measured < limit, ca.Source);
    }

    /// <summary>Whether a CKD diagnosis is active on as-of (clinical-rules §9.4b: no albumin correction), looked up once.</summary>
    public static bool Ckd(Chart chart, ref bool? ckd) => ckd ??= chart.HasActive(chart.Rules.Hypocalcemia.CkdCodes);

    private static Calcium TotalThreshold(Chart chart, CountedResult result)
        => Calcium.FromMilligramsPerDeciliter(ReferenceLow.Choose(chart.Rules.Hypocalcemia.TotalBelow.MilligramsPerDeciliter,
            result.Source, result.Kind, chart.Rules.Shared.ReferenceLowTolerance, out _));

    public static bool IsCalciumInput(in CountedResult result, Rules.HypocalcemiaParameters parameters)
    {
        var loinc = result.Source.Loinc.Trim();
        return result.Kind switch
        {
            Analyte.IonizedCalcium => parameters.IonizedCalcium.Contains(loinc),
            Analyte.CorrectedCalcium => parameters.CorrectedCalcium.Contains(loinc),
            Analyte.TotalCalcium => parameters.TotalCalcium.Contains(loinc),
            Analyte.Albumin => parameters.Albumin.Contains(loinc),
            _ => false,
        };
    }
}

using Screening.Domain.Persistence;
using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Domain.Units;

namespace Screening.Domain.Anemia;

/// <summary>
/// The daily hemoglobin series of a patient (clinical-rules §9.2, §9.1): the rule's LOINCs only, excluded settings
/// invisible, values collected inside a pregnancy window invisible, the lowest value per day, each day judged against
/// the sex threshold or the lab's own low limit when within tolerance.
/// </summary>
internal static class HemoglobinStreak
{
    public static List<HemoglobinDay> DailyLowest(Chart chart, PregnancyWindows pregnancies)
    {
        var parameters = chart.Rules.Anemia;
        var threshold = parameters.ThresholdFor(chart.Patient.Sex);
        var values = new List<CountedResult>();
        foreach (var result in chart.Results)
        {
            if (result.Kind != Analyte.Hemoglobin || !parameters.Analytes.Contains(result.Source.Loinc.Trim())) continue;
            if (!chart.IsVisibleForPersistence(result) || (!pregnancies.IsEmpty && pregnancies.Contains(result.Day))) continue;
            values.Add(result);
        }
        values.Sort(CountedResult.ByDayThenValue);

        var days = new List<HemoglobinDay>(values.Count);
        foreach (var value in values)
        {
            if (days.Count > 0 && days[^1].Day == value.Day) continue; // the first of a day is its lowest
            var chosen = ReferenceLow.Choose(threshold.GramsPerDeciliter, value.Source, Analyte.Hemoglobin,
                chart.Rules.Shared.ReferenceLowTolerance, out var fromLab);
            days.Add(new HemoglobinDay(value.Day, Hemoglobin.FromGramsPerDeciliter(value.Value),
                Hemoglobin.FromGramsPerDeciliter(chosen), fromLab, value.Source));
        }
        return days;
    }

    public static List<DayReading> Readings(List<HemoglobinDay> days)
    {
        var readings = new List<DayReading>(days.Count);
        foreach (var day in days) readings.Add(new DayReading(day.Day, day.IsLow));
        return readings;
    }
}

using Screening.Domain.Rules;
using Screening.Domain.Screening;
using Screening.Domain.Units;

namespace Screening.Domain.Dxa;

/// <summary>
/// The re-screen interval after the latest scan (clinical-rules §9.4, §9.4b): 2 years with a secondary-risk flag or
/// without a T-score; else the T-score band (age on as-of for the ≥ 80 modifier); never below the 23-month floor.
/// </summary>
internal static class DxaInterval
{
    public static (int Months, string Rule) For(Chart chart, DxaScan scan, bool secondaryRisk)
    {
        var intervals = chart.Rules.Dxa.Intervals;
        int months;
        string rule;
        if (secondaryRisk)
        {
            (months, rule) = (intervals.SecondaryRiskMonths, "secondary-risk");
        }
        else if (scan.Used is not { } score)
        {
            (months, rule) = (intervals.NoTScoreMonths, "no-t-score");
        }
        else
        {
            var band = Band(intervals, score);
            var older = band.OlderAgeMonths is not null && chart.AgeAtLeast(intervals.OlderAgeYears);
            (months, rule) = older ? (band.OlderAgeMonths!.Value, band.Name + $" (age ≥ {intervals.OlderAgeYears})") : (band.Months, band.Name);
        }
        if (months < intervals.MinimumMonths) (months, rule) = (intervals.MinimumMonths, rule + $" (raised to the {intervals.MinimumMonths}-month minimum)");
        return (months, rule);
    }

    public static string Text(int months)
        => months % 12 == 0 ? Display.Integer(months / 12) + (months == 12 ? " year" : " years") : Display.Integer(months) + " months";

    private static DxaIntervalBand Band(DxaIntervals intervals, TScore score)
    {
        foreach (var band in intervals.Bands)
            if (band.Contains(score)) return band;
        return intervals.Bands[^1];
    }
}

using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Persistence;

/// <summary>
/// Finds the current streak of low days (clinical-rules §9.1 "Current streak and recency", §9.4b "Gaps and spans are
/// inclusive"): the run of consecutive low days ending at the most recent counted day, broken by any normal day or by
/// a gap longer than maxGapDays between consecutive counted days. A most recent normal day means no finding.
/// As-of enters only through recency, so a fresh low streak reports the day it turns too old.
/// </summary>
internal static class CurrentStreak
{
    /// <param name="days">One reading per calendar day, ascending, all on or before <paramref name="asOf"/>.</param>
    public static StreakVerdict Find(IReadOnlyList<DayReading> days, PersistenceParameters parameters, DateOnly asOf)
    {
        if (days.Count == 0) return new StreakVerdict(false, OutcomeReasons.NoResults, -1, -1, null);
        var end = days.Count - 1;
        if (!days[end].IsLow) return new StreakVerdict(false, OutcomeReasons.NormalValue, -1, -1, null);

        var start = end;
        while (start > 0 && days[start - 1].IsLow && GapDays(days[start - 1].Day, days[start].Day) <= parameters.MaxGapDays)
            start--;

        var latest = days[end].Day;
        if (GapDays(latest, asOf) > parameters.RecencyDays) return new StreakVerdict(false, OutcomeReasons.TooOld, start, end, null);
        var tooOldOn = latest.AddDays(parameters.RecencyDays + 1); // first day with GapDays(latest, day) > recencyDays

        DateOnly? metOn = null;
        var first = days[start].Day;
        for (var i = start; i <= end; i++)
        {
            if (i - start + 1 >= parameters.MinCount && GapDays(first, days[i].Day) >= parameters.MinSpanDays)
            {
                metOn = days[i].Day;
                break;
            }
        }
        if (metOn is not null) return new StreakVerdict(true, null, start, end, metOn, tooOldOn);
        var reason = end - start + 1 < parameters.MinCount ? OutcomeReasons.TooFewLows : OutcomeReasons.SpanTooShort;
        return new StreakVerdict(false, reason, start, end, null, tooOldOn);
    }

    public static int GapDays(DateOnly from, DateOnly to) => to.DayNumber - from.DayNumber;
}

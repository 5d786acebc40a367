using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Anemia;

/// <summary>
/// Pregnancy windows (clinical-rules §9.4b "Pregnancy"): onset → abatement, or onset + 280 days when no abatement is
/// recorded, plus 42 days postpartum, inclusive. A pregnancy diagnosis without an onset date cannot be placed and is
/// ignored (documented decision).
/// </summary>
internal sealed class PregnancyWindows
{
    private readonly List<(DateOnly Start, DateOnly End)> windows = [];

    public PregnancyWindows(Chart chart)
    {
        var parameters = chart.Rules.Anemia;
        foreach (var diagnosis in chart.Diagnoses)
        {
            if (diagnosis.Onset is not { } onset || !parameters.PregnancyCodes.Matches(diagnosis.Code, diagnosis.System)) continue;
            var end = diagnosis.Abatement ?? onset.AddDays(parameters.PregnancyDefaultDays);
            windows.Add((onset, end.AddDays(parameters.PostpartumDays)));
        }
    }

    public bool IsEmpty => windows.Count == 0;

    public bool Contains(DateOnly day)
    {
        foreach (var (start, end) in windows)
            if (day >= start && day <= end) return true;
        return false;
    }

    /// <summary>
    /// The last day of the latest-ending window containing <paramref name="day"/> (which some window must contain): the
    /// suspension ends the day after. Every window of the chart starts on or before as-of, so any window still running
    /// after <paramref name="day"/> contains it; a pregnancy dated later is a future onset, a change point of its own.
    /// </summary>
    public DateOnly LastDayOfWindowsContaining(DateOnly day)
    {
        var last = day;
        foreach (var (start, end) in windows)
            if (day >= start && end > last) last = end;
        return last;
    }
}

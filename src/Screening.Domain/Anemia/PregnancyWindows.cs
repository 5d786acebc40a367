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

    /// <summary>The first day on or after <paramref name="day"/> outside every window (overlapping or adjoining windows chain).</summary>
    public DateOnly FirstDayOutside(DateOnly day)
    {
        bool moved;
        do
        {
            moved = false;
            foreach (var (start, end) in windows)
            {
                if (day < start || day > end) continue;
                if (end == DateOnly.MaxValue) return end;
                day = end.AddDays(1);
                moved = true;
            }
        } while (moved);
        return day;
    }
}

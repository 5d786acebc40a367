using Screening.Domain.Rules;

namespace Screening.Domain.Screening;

/// <summary>
/// The suggested work-up of a task: the rule's suggestions, plus the program-policy DXA item when the arm is on,
/// the patient is old enough and has no DXA in the look-back (clinical-rules §9.2, §9.3; labelled program policy).
/// </summary>
internal static class WorkupList
{
    public static (IReadOnlyList<string> Items, bool PolicySuggested) For(Chart chart, IReadOnlyList<string> suggestions, ProgramPolicyDxa policy)
    {
        // Suggested from the later of the birthday and the day the look-back empties; until then that day is a change point.
        var suggested = policy.Enabled && chart.Birthday(policy.MinAgeYears) is { } birthday
            && chart.Reached(Later(birthday, LookBackEmptyFrom(chart, policy.NoDxaWithinMonths)));
        if (!suggested) return (suggestions, false);
        var items = new List<string>(suggestions.Count + 1);
        items.AddRange(suggestions);
        items.Add(policy.Text);
        return (items, true);
    }

    /// <summary>
    /// The first as-of date with no DXA on or after as-of − <paramref name="months"/> (new scans aside): the first d with
    /// d.AddMonths(−n) &gt; last scan L. No d before L.AddMonths(n) qualifies: if X = d.AddMonths(−n) &gt; L, then
    /// d ≥ X.AddMonths(n) (adding the months back only clamps the day down) ≥ L.AddMonths(n) (AddMonths is monotone).
    /// On L.AddMonths(n) itself L is still inside (the look-back is inclusive), and d.AddMonths(−n) grows with d, so
    /// stepping on from there finds the exact day, one to four days later (a clamped end of month takes the longest).
    /// </summary>
    private static DateOnly LookBackEmptyFrom(Chart chart, int months)
    {
        if (chart.Dxa.Latest is not { } latest) return DateOnly.MinValue;
        var day = latest.On.AddMonths(months);
        while (day.AddMonths(-months) <= latest.On) day = day.AddDays(1);
        return day;
    }

    private static DateOnly Later(DateOnly a, DateOnly b) => a > b ? a : b;
}

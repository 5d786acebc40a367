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
        var suggested = policy.Enabled
            && chart.Age >= policy.MinAgeYears
            && !chart.Dxa.HasScanSince(chart.AsOf.AddMonths(-policy.NoDxaWithinMonths));
        if (!suggested) return (suggestions, false);
        var items = new List<string>(suggestions.Count + 1);
        items.AddRange(suggestions);
        items.Add(policy.Text);
        return (items, true);
    }
}

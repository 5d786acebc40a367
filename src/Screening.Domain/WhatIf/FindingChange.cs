using Screening.Domain.Screening;

namespace Screening.Domain.WhatIf;

/// <summary>
/// How a candidate rule file changes one patient's finding for one rule on the as-of date: it would open a finding
/// the active rules do not have, close one they have, or change its priority.
/// </summary>
public sealed record FindingChange(string PatientId, string Rule, string Change, Priority? PriorityNow, Priority? PriorityCandidate)
{
    public const string Open = "open";
    public const string Close = "close";
    public const string PriorityChange = "priority";

    /// <summary>The changes between two screenings of the same patient on the same date (rule order of <see cref="RuleIds.Nightly"/>).</summary>
    public static IEnumerable<FindingChange> Between(PatientScreening now, PatientScreening candidate)
    {
        foreach (var rule in RuleIds.Nightly)
        {
            var before = Met(now, rule);
            var after = Met(candidate, rule);
            if (before is null && after is null) continue;
            if (before is null) yield return new(now.PatientId, rule, Open, null, after!.Priority);
            else if (after is null) yield return new(now.PatientId, rule, Close, before.Priority, null);
            else if (before.Priority != after.Priority) yield return new(now.PatientId, rule, PriorityChange, before.Priority, after.Priority);
        }
    }

    internal static Finding? Met(PatientScreening screening, string rule)
        => screening.Outcomes.FirstOrDefault(o => o.Rule == rule) is { Kind: OutcomeKind.Met, Finding: { } finding } ? finding : null;
}

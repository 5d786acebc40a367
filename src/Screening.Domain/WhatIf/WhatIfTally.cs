using Screening.Domain.Screening;

namespace Screening.Domain.WhatIf;

/// <summary>Per-rule counts of a what-if: findings under the active and the candidate rules, and what would change.</summary>
public sealed class WhatIfTally
{
    private readonly Dictionary<string, int[]> counts = RuleIds.Nightly.ToDictionary(r => r, _ => new int[7]);

    public int Patients { get; private set; }

    /// <summary>Adds one patient's two screenings; returns the changes (also counted).</summary>
    public IReadOnlyList<FindingChange> Add(PatientScreening now, PatientScreening candidate)
    {
        Patients++;
        foreach (var rule in RuleIds.Nightly)
        {
            var c = counts[rule];
            if (FindingChange.Met(now, rule) is not null) c[0]++;
            if (FindingChange.Met(candidate, rule) is not null) c[1]++;
        }
        var changes = FindingChange.Between(now, candidate).ToList();
        foreach (var change in changes)
        {
            var c = counts[change.Rule];
            switch (change.Change)
            {
                case FindingChange.Open: c[2]++; break;
                case FindingChange.Close: c[3]++; break;
                default: c[change.PriorityCandidate > change.PriorityNow ? 4 : 5]++; break;
            }
        }
        return changes;
    }

    /// <summary>(rule, met now, met with candidate, would open, would close, priority up, priority down).</summary>
    public IEnumerable<(string Rule, int MetNow, int MetCandidate, int Open, int Close, int PriorityUp, int PriorityDown)> Rows()
        => RuleIds.Nightly.Select(r => { var c = counts[r]; return (r, c[0], c[1], c[2], c[3], c[4], c[5]); });
}

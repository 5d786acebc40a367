using System.Text.Json.Nodes;
using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using Screening.Domain.WhatIf;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.WhatIf;

public class FindingChangeTests
{
    private static readonly Domain.Rules.RuleSet Stricter = Seed.With(json => json["anemia"]!["thresholds"]!["female"]!["lt"] = 13.0);

    [Fact]
    public void A_higher_threshold_would_open_a_finding_for_a_woman_with_two_12_5_values()
    {
        var record = History.Of(Woman.Aged(40)).Hb(12.5m, on: DaysAgo(300)).Hb(12.4m, on: DaysAgo(60)).Record;
        var change = Assert.Single(FindingChange.Between(Screen.Evaluate(record, Seed.Rules, Today), Screen.Evaluate(record, Stricter, Today)));
        Assert.Equal((RuleIds.PersistentAnemia, FindingChange.Open, (Priority?)null, (Priority?)Priority.Normal),
            (change.Rule, change.Change, change.PriorityNow, change.PriorityCandidate));
    }

    [Fact]
    public void A_lower_priority_age_is_a_priority_change_and_is_tallied_as_down()
    {
        var younger = Seed.With(json => json["anemia"]!["priority"]!["highFromAgeYears"] = 80);
        var record = History.Of(Woman.Aged(70)).Hb(11.5m, on: DaysAgo(300)).Hb(11.4m, on: DaysAgo(60)).Record;
        var tally = new WhatIfTally();
        var change = Assert.Single(tally.Add(Screen.Evaluate(record, Seed.Rules, Today), Screen.Evaluate(record, younger, Today)));
        Assert.Equal(FindingChange.PriorityChange, change.Change);
        Assert.Equal((1, 1, 0, 0, 0, 1), tally.Rows().Where(r => r.Rule == RuleIds.PersistentAnemia).Select(r => (r.MetNow, r.MetCandidate, r.Open, r.Close, r.PriorityUp, r.PriorityDown)).Single());
    }

    [Fact]
    public void The_same_rules_change_nothing()
    {
        var record = History.Of(Woman.Aged(70)).Hb(11.5m, on: DaysAgo(300)).Hb(11.4m, on: DaysAgo(60)).Record;
        Assert.Empty(FindingChange.Between(Screen.Evaluate(record, Seed.Rules, Today), Screen.Evaluate(record, Seed.Rules, Today)));
    }
}

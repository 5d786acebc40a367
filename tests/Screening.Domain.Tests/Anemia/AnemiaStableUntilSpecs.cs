using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;
using static Screening.Domain.Tests.Support.TimeAlone;

namespace Screening.Domain.Tests.Anemia;

/// <summary>When time alone changes a PERSISTENT ANEMIA outcome (clinical-rules §9.1, §9.2, §9.4b).</summary>
public class AnemiaStableUntilSpecs
{
    private const string ProgramPolicyDxa = "Consider a DXA bone density scan: age ≥ 50 and no DXA in the prior 24 months (program policy, not guideline)";

    [Theory]
    [InlineData("2024-01-03", "2024-08-01", "2025-06-30", "2025-08-02", "Met/")]
    [InlineData("2024-01-03", "2024-08-01", "2025-08-01", "2025-08-02", "Met/")]               // the last recent day
    [InlineData(null, "2024-08-01", "2025-06-30", "2025-08-02", "NotMet/too-few-lows")]
    [InlineData("2024-06-01", "2024-08-01", "2025-06-30", "2025-08-02", "NotMet/span-too-short")]
    public void A_persistent_anemia_stops_being_recent_the_day_after_the_recency_window(string? firstLow, string lastLow, string asOf, string tooOld, string state)
    {
        // recencyDays 365 (§9.1 "Current streak and recency"): the latest low counts through latest + 365 days.
        var history = History.Of(Woman.Aged(40));
        if (firstLow is not null) history.Hb(11.1m, on: firstLow);
        history.Hb(11.0m, on: lastLow);
        var (before, on) = Moves(history, asOf, until: tooOld);
        Assert.Equal(state, State(before.Outcomes[0]));
        Assert.Equal("NotMet/too-old", State(on.Outcomes[0]));
    }

    [Theory]
    [InlineData("2024-10-01", "2025-05-20", "2025-06-30", "2025-07-02")] // delivery + 42 days postpartum, inclusive
    [InlineData("2024-12-01", null, "2025-06-30", "2025-10-20")]         // no abatement: onset + 280 + 42 days
    public void A_pregnancy_suspension_ends_the_day_after_the_postpartum_window(string onset, string? abatement, string asOf, string ends)
    {
        var history = History.Of(Woman.Aged(30)).Hb(10.5m, on: "2023-10-01").Hb(10.4m, on: "2024-04-15").Pregnancy(onset, abatement);
        var (before, on) = Moves(history, asOf, until: ends);
        Assert.Equal("Suspended/pregnancy", State(before.Outcomes[0]));
        Assert.NotEqual(OutcomeKind.Suspended, on.Outcomes[0].Kind);
    }

    [Fact]
    public void A_pregnancy_starting_within_the_postpartum_window_extends_the_suspension()
    {
        // First window 2024-06-01 … 2025-03-01 + 42 = 2025-04-12; the next pregnancy (2025-04-01, no abatement) runs to
        // 2025-04-01 + 322 = 2026-02-17.
        var history = History.Of(Woman.Aged(30)).Hb(10.5m, on: "2023-10-01").Hb(10.4m, on: "2024-04-15")
            .Pregnancy(onset: "2024-06-01", abatement: "2025-03-01").Pregnancy(onset: "2025-04-01");
        var (_, on) = Moves(history, "2025-04-05", until: "2026-02-18");
        Assert.NotEqual(OutcomeKind.Suspended, on.Outcomes[0].Kind);
    }

    [Theory]
    [InlineData("1960-09-15", "2025-06-30", "2025-09-15")]
    [InlineData("1960-02-29", "2025-01-15", "2025-02-28")] // born 29 February: 65 on 28 February 2025
    public void Turning_65_makes_a_mild_persistent_anemia_high_priority_on_the_birthday(string born, string asOf, string sixtyFive)
    {
        // highFromAgeYears 65 (§9.2 "Priority", §9.4b); lows of 11.0 g/dL or more are not high priority by value.
        // A recent DXA with a normal T-score keeps the DXA rule and the program-policy suggestion out of the way.
        var day = Date(asOf);
        var history = History.Of(Woman.BornOn(born)).TScore(-1.0m, on: Iso(day.AddDays(-300)))
            .Hb(11.5m, on: Iso(day.AddDays(-250))).Hb(11.4m, on: Iso(day.AddDays(-30)));
        var (before, on) = Moves(history, asOf, until: sixtyFive);
        Assert.Equal(Priority.Normal, before.Outcomes[0].Finding!.Priority);
        Assert.Equal(Priority.High, on.Outcomes[0].Finding!.Priority);
    }

    [Theory]
    [InlineData("2023-08-10", "2025-06-30", "2025-08-11")]
    [InlineData("2024-02-29", "2025-12-01", "2026-03-01")] // 2026-02-28 still looks back to 2024-02-28 … 29 Feb is inside
    [InlineData("2022-02-28", "2023-12-01", "2024-03-01")] // 2024-02-29 looks back to 2022-02-28 (clamped): still inside
    public void The_program_policy_dxa_suggestion_returns_the_day_the_last_scan_leaves_the_24_month_look_back(string scanned, string asOf, string returns)
    {
        // noDxaWithinMonths 24, inclusive (§9.2 program policy): a scan on L is inside while as-of − 24 months ≤ L.
        var day = Date(asOf);
        var history = History.Of(Woman.BornOn("1965-03-10")).TScore(-1.0m, on: scanned)
            .Hb(10.5m, on: Iso(day.AddDays(-200))).Hb(10.4m, on: Iso(day.AddDays(-10)));
        var (before, on) = Moves(history, asOf, until: returns);
        Assert.DoesNotContain(ProgramPolicyDxa, before.Outcomes[0].Finding!.SuggestedWorkup);
        Assert.Contains(ProgramPolicyDxa, on.Outcomes[0].Finding!.SuggestedWorkup);
    }

    [Fact]
    public void Turning_50_adds_the_program_policy_dxa_suggestion_on_the_birthday()
    {
        // minAgeYears 50 (§9.2 program policy); the last DXA (2021) is already outside the 24-month look-back.
        var history = History.Of(Woman.BornOn("1975-09-01")).TScore(-1.0m, on: "2021-01-10")
            .Hb(10.5m, on: "2024-12-01").Hb(10.4m, on: "2025-06-15");
        var (before, on) = Moves(history, "2025-06-30", until: "2025-09-01");
        Assert.DoesNotContain(ProgramPolicyDxa, before.Outcomes[0].Finding!.SuggestedWorkup);
        Assert.Contains(ProgramPolicyDxa, on.Outcomes[0].Finding!.SuggestedWorkup);
    }
}

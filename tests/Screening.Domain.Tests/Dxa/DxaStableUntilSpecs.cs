using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.TimeAlone;

namespace Screening.Domain.Tests.Dxa;

/// <summary>When time alone changes an OVERDUE DXA outcome (clinical-rules §9.4, §9.4b).</summary>
public class DxaStableUntilSpecs
{
    [Fact]
    public void An_overdue_dxa_moves_from_due_soon_to_due_on_the_due_date()
    {
        // Last DXA 2015-08-15, T-score −1.0: re-screen after 10 years, due 2025-08-15.
        var history = History.Of(Woman.Aged(70)).TScore(-1.0m, on: "2015-08-15");
        var (before, on) = Moves(history, "2025-06-30", until: "2025-08-15");
        Assert.Equal("NotMet/due-soon", State(before.Outcomes[2]));
        Assert.Equal("NotMet/due", State(on.Outcomes[2]));
    }

    [Theory]
    [InlineData("2025-06-01", "NotMet/not-due", "2025-06-16", "NotMet/due-soon")] // dueSoonDays 60 before 2025-08-15
    [InlineData("2025-06-30", "NotMet/due-soon", "2025-08-15", "NotMet/due")]
    [InlineData("2025-08-15", "NotMet/due", "2025-09-15", "Met/")]                 // graceDaysAfterPriorScan 30
    public void The_dxa_status_moves_on_the_due_soon_due_and_overdue_boundaries(string asOf, string state, string until, string next)
    {
        var history = History.Of(Woman.Aged(70)).TScore(-1.0m, on: "2015-08-15");
        var (before, on) = Moves(history, asOf, until);
        Assert.Equal(state, State(before.Outcomes[2]));
        Assert.Equal(next, State(on.Outcomes[2]));
    }

    [Fact]
    public void A_never_scanned_woman_becomes_overdue_90_days_after_her_65th_birthday()
    {
        // graceDaysNeverScanned 90 (§9.4): due on 2025-10-01, overdue from 2025-12-31.
        var (before, on) = Moves(History.Of(Woman.BornOn("1960-10-01")), "2025-10-01", until: "2025-12-31");
        Assert.Equal("NotMet/due", State(before.Outcomes[2]));
        Assert.Equal("Met/", State(on.Outcomes[2]));
    }

    [Fact]
    public void An_overdue_dxa_stays_overdue_until_new_data()
    {
        var screening = NeverMoves(History.Of(Woman.Aged(70)).TScore(-1.0m, on: "2015-08-15"), "2025-09-15");
        Assert.Equal("Met/", State(screening.Outcomes[2]));
    }

    [Fact]
    public void Turning_80_shortens_the_moderate_osteopenia_interval_on_the_birthday()
    {
        // −1.50 … −1.99: 5 years, 3 years from age 80 (Gourlay 2012, §9.4): due moves from 2027-06-01 to 2025-06-01.
        var history = History.Of(Woman.BornOn("1945-10-01")).TScore(-1.7m, on: "2022-06-01");
        var (before, on) = Moves(history, "2025-06-30", until: "2025-10-01");
        Assert.Equal(("NotMet/not-due", new DateOnly(2027, 6, 1)), (State(before.Outcomes[2]), before.Outcomes[2].DueDate));
        Assert.Equal(("Met/", new DateOnly(2025, 6, 1)), (State(on.Outcomes[2]), on.Outcomes[2].DueDate));
    }

    [Fact]
    public void A_secondary_risk_diagnosis_ending_restores_the_t_score_interval_the_day_after()
    {
        // Long-term glucocorticoids (Z79.52) → 2-year interval regardless of T-score (§9.4): due 2025-07-10 while active,
        // 2033-07-10 (10 years, T −1.0) from the day after its abatement.
        var history = History.Of(Woman.Aged(70)).TScore(-1.0m, on: "2023-07-10")
            .Diagnosis("Z79.52", onset: "2022-01-01", abatement: "2025-07-05");
        var (before, on) = Moves(history, "2025-06-30", until: "2025-07-06");
        Assert.Equal(("NotMet/due-soon", new DateOnly(2025, 7, 10)), (State(before.Outcomes[2]), before.Outcomes[2].DueDate));
        Assert.Equal(("NotMet/not-due", new DateOnly(2033, 7, 10)), (State(on.Outcomes[2]), on.Outcomes[2].DueDate));
    }
}

using Screening.Domain.Patients;
using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Dxa;

public class DxaIntervalTests
{
    [Theory]
    [InlineData(-1.0, 120)]
    [InlineData(-1.49, 120)]
    [InlineData(-1.495, 120)]
    [InlineData(-1.50, 60)]
    [InlineData(-1.99, 60)]
    [InlineData(-2.00, 24)]
    [InlineData(-2.49, 24)]
    [InlineData(-2.50, 24)]
    [InlineData(-3.2, 24)]
    public void Re_screen_interval_follows_the_T_score_band(double score, int months)
    {
        var outcome = History.Of(Woman.Aged(78)).TScore((decimal)score, on: "2013-01-15").Dxa();
        Assert.Equal(OutcomeKind.Met, outcome.Kind);
        Assert.Equal(months.ToString(), outcome.Finding!.Details["intervalMonths"]);
    }

    [Theory]
    [InlineData(79, 60)]
    [InlineData(80, 36)]
    public void Moderate_osteopenia_is_rescreened_after_3_years_from_age_80(int age, int months)
    {
        var outcome = History.Of(Woman.Aged(age)).TScore(-1.7m, on: "2015-01-15").Dxa();
        Assert.Equal(months.ToString(), outcome.Finding!.Details["intervalMonths"]);
    }

    [Fact]
    public void Due_date_uses_calendar_months_with_end_of_month_clamping()
    {
        var outcome = History.Of(Woman.Aged(70)).TScore(-1.7m, on: "2020-02-29").Dxa();
        Assert.Equal(Date("2025-02-28"), outcome.DueDate);
        Assert.Equal(Date("2025-02-28"), outcome.Finding!.Since);
    }

    [Fact]
    public void Intervals_are_never_shorter_than_23_months()
    {
        var shortInterval = Seed.With(json => json["dxa"]!["intervals"]!["noTScoreMonths"] = 12);
        var outcome = History.Of(Woman.Aged(70)).DxaScan(on: "2021-03-31").Dxa(rules: shortInterval);
        Assert.Equal(Date("2023-02-28"), outcome.DueDate);
        Assert.Equal("23", outcome.Finding!.Details["intervalMonths"]);
        Assert.Contains("23-month minimum", outcome.Finding.Details["intervalRule"]);
    }

    [Fact]
    public void A_scan_without_T_score_is_repeated_after_2_years()
    {
        var outcome = History.Of(Woman.Aged(70)).DxaScan(on: "2023-01-10").Dxa();
        Assert.Equal(Date("2025-01-10"), outcome.DueDate);
        Assert.Equal("no-t-score", outcome.Finding!.Details["intervalRule"]);
        Assert.Equal(Priority.Low, outcome.Finding.Priority);
    }

    [Fact]
    public void A_secondary_risk_flag_shortens_the_interval_to_2_years()
    {
        var history = History.Of(Woman.Aged(70)).TScore(-1.0m, on: "2022-06-01");
        Assert.Equal(OutcomeReasons.NotDue, history.Dxa().Reason);
        var outcome = history.Diagnosis("E21.0", onset: "2021-01-01").Dxa();
        Assert.Equal(Date("2024-06-01"), outcome.DueDate);
        Assert.Equal("secondary-risk", outcome.Finding!.Details["intervalRule"]);
    }

    [Fact]
    public void The_due_date_is_never_before_the_patient_became_eligible()
    {
        var outcome = History.Of(Woman.Aged(62)).TScore(-2.2m, on: "2020-01-01").Dxa();
        Assert.Equal(OutcomeKind.Met, outcome.Kind); // T ≤ −2.0 makes her eligible from the scan
        var normal = History.Of(Woman.Aged(62)).TScore(-1.0m, on: "2010-01-01").Dxa();
        Assert.Equal(Today.AddYears(3), normal.DueDate);
    }

    [Theory]
    [InlineData("2025-05-31", "due")]
    [InlineData("2025-06-01", "overdue")]
    [InlineData("2025-03-02", "due-soon")]
    [InlineData("2025-03-01", "not-due")]
    public void After_a_prior_scan_overdue_means_more_than_30_days_past_due(string asOf, string status)
    {
        var outcome = History.Of(Woman.Aged(70)).TScore(-2.2m, on: "2023-05-01").Dxa(asOf: Date(asOf));
        Assert.Equal(Date("2025-05-01"), outcome.DueDate);
        Assert.Equal(status, outcome.Kind == OutcomeKind.Met ? outcome.Finding!.Details["status"] : outcome.Reason);
    }
}

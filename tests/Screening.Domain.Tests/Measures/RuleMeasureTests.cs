using Screening.Domain.Measures;
using Screening.Domain.Screening;
using static Screening.Domain.Tests.Measures.MeasurePopulation;

namespace Screening.Domain.Tests.Measures;

/// <summary>The three rules as measures: open findings over the patients the rule applies to, per team and overall.</summary>
public class RuleMeasureTests
{
    [Fact]
    public void Two_low_hemoglobins_200_days_apart_are_in_the_persistent_anemia_numerator()
    {
        var woman = Woman("1976-05-01", results: [Hemoglobin("2026-01-10", 11.0m), Hemoglobin("2026-07-29", 11.2m)]);
        Assert.Equal(MeasureStatus.Numerator, Outcome(woman, RuleIds.PersistentAnemia).Status);
    }

    [Fact]
    public void Under_18_is_outside_every_rule_measure_hospice_is_an_exclusion()
    {
        var child = Woman("2012-01-01");
        Assert.All(RuleIds.Nightly, rule => Assert.Equal(MeasureStatus.NotInDenominator, Outcome(child, rule).Status));
        var hospice = Woman("1950-01-01", hospice: true);
        Assert.All(RuleIds.Nightly, rule => Assert.Equal(MeasureStatus.Excluded, Outcome(hospice, rule).Status));
    }

    [Theory]
    [InlineData("1966-01-01", MeasureStatus.NotInDenominator)] // 60, no risk flag: not DXA-eligible
    [InlineData("1956-01-01", MeasureStatus.Numerator)]        // 70, never scanned: overdue
    public void Only_DXA_eligible_patients_are_in_the_overdue_DXA_denominator(string born, MeasureStatus status) =>
        Assert.Equal(status, Outcome(Woman(born), RuleIds.OverdueDxa).Status);

    [Fact]
    public void Rates_are_numerator_over_denominator_minus_exclusions_per_team_and_overall()
    {
        var tally = new MeasureTally();
        var population = new[]
        {
            Woman("1958-06-15", team: "north", procedures: [DxaScan("2025-01-10")]), // OSW met
            Woman("1958-06-15", team: "north"),                                  // OSW gap
            Woman("1958-06-15", team: "south", hospice: true),                   // OSW excluded
            Woman("1958-06-15", team: "south", procedures: [DxaScan("2025-01-10")]), // OSW met
            Woman("1990-01-01", team: "south"),                                  // outside OSW
        };
        foreach (var p in population) tally.Add(AsOf, p.Patient.CareTeam!, QualityMeasures.Evaluate(p, Support.Seed.Rules, Support.Seed.Rules.Measures!, AsOf));
        var osw = tally.Rates([AsOf]).Where(r => r.Measure == MeasureIds.Osw).ToDictionary(r => r.Team);

        Assert.Equal((4, 1, 2, 0.6667m), (osw[MeasureTally.Overall].Denominator, osw[MeasureTally.Overall].Exclusions, osw[MeasureTally.Overall].Numerator, osw[MeasureTally.Overall].Rate));
        Assert.Equal((2, 0, 1, 0.5m), (osw["north"].Denominator, osw["north"].Exclusions, osw["north"].Numerator, osw["north"].Rate));
        Assert.Equal((2, 1, 1, 1m), (osw["south"].Denominator, osw["south"].Exclusions, osw["south"].Numerator, osw["south"].Rate));
    }

    [Fact]
    public void An_empty_measure_has_an_overall_row_of_zeros_and_no_rate()
    {
        var omw = new MeasureTally().Rates([AsOf]).Single(r => r.Measure == MeasureIds.Omw);
        Assert.Equal((MeasureTally.Overall, 0, null), (omw.Team, omw.Denominator, omw.Rate));
    }

    [Fact]
    public void The_trend_uses_12_monthly_as_of_dates_ending_on_as_of_clamped_to_month_end() =>
        Assert.Equal([new DateOnly(2025, 4, 30), new DateOnly(2025, 5, 31), new DateOnly(2026, 3, 31)],
            new[] { 0, 1, 11 }.Select(i => MeasureTally.MonthlyDates(new DateOnly(2026, 3, 31), 12)[i]));
}

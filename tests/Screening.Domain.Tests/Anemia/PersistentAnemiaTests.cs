using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Anemia;

public class PersistentAnemiaTests
{
    [Fact]
    public void Two_low_hemoglobins_200_days_apart_is_persistent_anemia()
    {
        var outcome = History.Of(Woman.Aged(40)).Hb(11.1m, on: DaysAgo(210)).Hb(11.3m, on: DaysAgo(10)).Anemia();

        Assert.Equal(OutcomeKind.Met, outcome.Kind);
        var finding = outcome.Finding!;
        Assert.Equal(RuleIds.PersistentAnemia, finding.Rule);
        Assert.Equal("2026.2", finding.RuleVersion);
        Assert.Equal(Date(DaysAgo(210)), finding.Since);
        Assert.Equal(new MeasuredValue(11.1m, "g/dL", Date(DaysAgo(210))), finding.Lowest);
        Assert.Equal(2, finding.Evidence.Count);
        Assert.Equal("mild", finding.Details["severity"]);
        Assert.Equal(Priority.Normal, finding.Priority);
        Assert.Equal("< 12.0 g/dL", finding.Parameters["threshold"]);
        Assert.Equal("180", finding.Parameters["minSpanDays"]);
        Assert.Equal("365", finding.Parameters["maxGapDays"]);
    }

    [Theory]
    [InlineData("female", 11.9, true)]
    [InlineData("female", 12.0, false)]
    [InlineData("male", 12.9, true)]
    [InlineData("male", 13.0, false)]
    [InlineData("unknown", 11.9, true)]
    [InlineData("unknown", 12.0, false)]
    [InlineData("other", 12.0, false)]
    public void WHO_threshold_depends_on_sex(string sex, double hb, bool persistent)
    {
        var patient = sex switch
        {
            "female" => Woman.Aged(40),
            "male" => Man.Aged(40),
            "other" => Person.OfOtherSex(40),
            _ => Person.OfUnknownSex(40),
        };
        var outcome = History.Of(patient).Hb((decimal)hb, on: DaysAgo(200)).Hb((decimal)hb, on: DaysAgo(10)).Anemia();
        Assert.Equal(persistent ? OutcomeKind.Met : OutcomeKind.NotMet, outcome.Kind);
    }

    [Theory]
    [InlineData(179, false)]
    [InlineData(180, true)]
    public void Span_from_first_to_last_low_must_reach_180_days(int span, bool persistent)
    {
        var outcome = History.Of(Woman.Aged(40)).Hb(11.0m, on: DaysAgo(10 + span)).Hb(11.0m, on: DaysAgo(10)).Anemia();
        Assert.Equal(persistent ? OutcomeKind.Met : OutcomeKind.NotMet, outcome.Kind);
        if (!persistent) Assert.Equal(OutcomeReasons.SpanTooShort, outcome.Reason);
    }

    [Theory]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void A_gap_over_365_days_breaks_the_streak(int gap, bool persistent)
    {
        var outcome = History.Of(Woman.Aged(40)).Hb(11.0m, on: DaysAgo(10 + gap)).Hb(11.0m, on: DaysAgo(10)).Anemia();
        Assert.Equal(persistent ? OutcomeKind.Met : OutcomeKind.NotMet, outcome.Kind);
        if (!persistent) Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }

    [Theory]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void Latest_low_must_lie_within_365_days_of_as_of(int age, bool persistent)
    {
        var outcome = History.Of(Woman.Aged(40)).Hb(11.0m, on: DaysAgo(age + 200)).Hb(11.0m, on: DaysAgo(age)).Anemia();
        Assert.Equal(persistent ? OutcomeKind.Met : OutcomeKind.NotMet, outcome.Kind);
        if (!persistent) Assert.Equal(OutcomeReasons.TooOld, outcome.Reason);
    }

    [Fact]
    public void A_normal_latest_value_means_no_finding()
    {
        var outcome = History.Of(Woman.Aged(40)).Hb(11.0m, on: DaysAgo(300)).Hb(11.0m, on: DaysAgo(100)).Hb(12.4m, on: DaysAgo(5)).Anemia();
        Assert.Equal(OutcomeKind.NotMet, outcome.Kind);
        Assert.Equal(OutcomeReasons.NormalValue, outcome.Reason);
    }

    [Fact]
    public void A_normal_value_in_between_restarts_the_streak()
    {
        var outcome = History.Of(Woman.Aged(40))
            .Hb(11.0m, on: DaysAgo(330)).Hb(12.5m, on: DaysAgo(250)).Hb(11.0m, on: DaysAgo(150)).Hb(11.0m, on: DaysAgo(10))
            .Anemia();
        Assert.Equal(OutcomeReasons.SpanTooShort, outcome.Reason);
    }

    [Fact]
    public void Two_lows_on_the_same_day_count_once()
    {
        var outcome = History.Of(Woman.Aged(40)).Hb(11.0m, on: DaysAgo(10)).Hb(10.5m, on: DaysAgo(10)).Anemia();
        Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }

    [Fact]
    public void The_lowest_value_of_a_day_stands_for_the_day()
    {
        var outcome = History.Of(Woman.Aged(40))
            .Hb(12.8m, on: DaysAgo(200)).Hb(11.6m, on: DaysAgo(200)).Hb(11.5m, on: DaysAgo(10)).Anemia();
        Assert.Equal(OutcomeKind.Met, outcome.Kind);
        Assert.Equal(11.5m, outcome.Finding!.Lowest!.Value);
    }

    [Fact]
    public void Lab_low_limit_within_ten_percent_replaces_the_default()
    {
        var history = History.Of(Woman.Aged(40)).Hb(11.7m, on: DaysAgo(200), referenceLow: 11.5m).Hb(11.7m, on: DaysAgo(10), referenceLow: 11.5m);
        Assert.Equal(OutcomeReasons.NormalValue, history.Anemia().Reason);
    }

    [Fact]
    public void Lab_low_limit_far_from_the_default_is_ignored()
    {
        var history = History.Of(Woman.Aged(40)).Hb(11.7m, on: DaysAgo(200), referenceLow: 9.0m).Hb(11.7m, on: DaysAgo(10), referenceLow: 9.0m);
        Assert.Equal(OutcomeKind.Met, history.Anemia().Kind);
    }

    [Theory]
    [InlineData(10.8, 10.9, false)] // 12.0 − 10 %: the lab limit applies, 10.9 is normal
    [InlineData(10.7, 10.9, true)]  // outside ±10 %: the default 12.0 applies, 10.9 is low
    [InlineData(13.2, 12.5, true)]  // 12.0 + 10 %: the lab limit applies, 12.5 is low
    [InlineData(13.3, 12.5, false)] // outside ±10 %: the default 12.0 applies, 12.5 is normal
    public void Lab_low_limit_tolerance_is_inclusive(double labLow, double hb, bool persistent)
    {
        var outcome = History.Of(Woman.Aged(40))
            .Hb((decimal)hb, on: DaysAgo(200), referenceLow: (decimal)labLow).Hb((decimal)hb, on: DaysAgo(10), referenceLow: (decimal)labLow).Anemia();
        Assert.Equal(persistent ? OutcomeKind.Met : OutcomeKind.NotMet, outcome.Kind);
    }

    [Fact]
    public void Arterial_hemoglobin_is_not_counted()
    {
        var outcome = History.Of(Woman.Aged(40)).Hb(11.0m, on: DaysAgo(200), loinc: "30313-1").Hb(11.0m, on: DaysAgo(10)).Anemia();
        Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }

    [Fact]
    public void Venous_and_molar_hemoglobin_count_after_conversion()
    {
        var outcome = History.Of(Woman.Aged(40))
            .Hb(6.9m, on: DaysAgo(200), unit: "mmol/L", loinc: "59260-0")
            .Hb(112m, on: DaysAgo(10), unit: "g/L", loinc: "30350-3")
            .Anemia();
        Assert.Equal(OutcomeKind.Met, outcome.Kind);
        Assert.Equal(11.116m, outcome.Finding!.Evidence[0].Value);
        Assert.Equal(11.2m, outcome.Finding.Evidence[1].Value);
    }

    [Fact]
    public void An_implausible_value_is_invisible()
    {
        var outcome = History.Of(Woman.Aged(40)).Hb(110m, on: DaysAgo(200)).Hb(11.0m, on: DaysAgo(10)).Anemia();
        Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }

    [Fact]
    public void An_unknown_unit_is_invisible()
    {
        var outcome = History.Of(Woman.Aged(40)).Hb(0.011m, on: DaysAgo(200), unit: "g/mL").Hb(11.0m, on: DaysAgo(10)).Anemia();
        Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }
}

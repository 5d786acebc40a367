using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Hypocalcemia;

public class PersistentHypocalcemiaTests
{
    [Fact]
    public void Two_low_calcium_values_40_days_apart_is_persistent_hypocalcemia()
    {
        var outcome = History.Of(Man.Aged(45)).Calcium(8.2m, on: DaysAgo(50)).Calcium(8.3m, on: DaysAgo(10)).Hypocalcemia();
        Assert.Equal(OutcomeKind.Met, outcome.Kind);
        var finding = outcome.Finding!;
        Assert.Equal(Date(DaysAgo(50)), finding.Since);
        Assert.Equal(new MeasuredValue(8.2m, "mg/dL", Date(DaysAgo(50))), finding.Lowest);
        Assert.All(finding.Evidence, e => Assert.Equal("total-uncorrected", e.Note));
        Assert.Equal("total-uncorrected", finding.Details["correction"]);
        Assert.Equal("false", finding.Details["chronic"]);
        Assert.Equal(Priority.Normal, finding.Priority);
        Assert.Equal("< 8.5 mg/dL", finding.Parameters["thresholdTotalOrCorrected"]);
    }

    [Theory]
    [InlineData(8.4, true)]
    [InlineData(8.5, false)]
    public void Total_calcium_below_8_5_is_low(double value, bool persistent)
    {
        var outcome = History.Of(Man.Aged(45)).Calcium((decimal)value, on: DaysAgo(50)).Calcium((decimal)value, on: DaysAgo(10)).Hypocalcemia();
        Assert.Equal(persistent ? OutcomeKind.Met : OutcomeKind.NotMet, outcome.Kind);
    }

    [Theory]
    [InlineData(29, false)]
    [InlineData(30, true)]
    public void Span_must_reach_30_days(int span, bool persistent)
    {
        var outcome = History.Of(Man.Aged(45)).Calcium(8.0m, on: DaysAgo(10 + span)).Calcium(8.0m, on: DaysAgo(10)).Hypocalcemia();
        Assert.Equal(persistent ? OutcomeKind.Met : OutcomeKind.NotMet, outcome.Kind);
    }

    [Theory]
    [InlineData(180, true)]
    [InlineData(181, false)]
    public void A_gap_over_180_days_breaks_the_streak(int gap, bool persistent)
    {
        var outcome = History.Of(Man.Aged(45)).Calcium(8.0m, on: DaysAgo(10 + gap)).Calcium(8.0m, on: DaysAgo(10)).Hypocalcemia();
        Assert.Equal(persistent ? OutcomeKind.Met : OutcomeKind.NotMet, outcome.Kind);
    }

    [Theory]
    [InlineData(365, true)]
    [InlineData(366, false)]
    public void Latest_low_must_lie_within_365_days(int age, bool persistent)
    {
        var outcome = History.Of(Man.Aged(45)).Calcium(8.0m, on: DaysAgo(age + 40)).Calcium(8.0m, on: DaysAgo(age)).Hypocalcemia();
        Assert.Equal(persistent ? OutcomeKind.Met : OutcomeKind.NotMet, outcome.Kind);
    }

    [Theory]
    [InlineData(89, "false")]
    [InlineData(90, "true")]
    public void Chronic_flag_from_90_days(int span, string chronic)
    {
        var finding = History.Of(Man.Aged(45)).Calcium(8.0m, on: DaysAgo(10 + span)).Calcium(8.0m, on: DaysAgo(10)).Hypocalcemia().Finding!;
        Assert.Equal(chronic, finding.Details["chronic"]);
    }

    [Theory]
    [InlineData(7.9, Priority.High)]
    [InlineData(8.0, Priority.Normal)]
    public void Priority_is_high_below_8_0_mg_dl(double lowest, Priority priority)
    {
        var finding = History.Of(Man.Aged(45)).Calcium((decimal)lowest, on: DaysAgo(50)).Calcium(8.3m, on: DaysAgo(10)).Hypocalcemia().Finding!;
        Assert.Equal(priority, finding.Priority);
    }

    [Fact]
    public void Molar_and_whole_blood_calcium_count_as_total()
    {
        var finding = History.Of(Man.Aged(45))
            .Calcium(2.0m, on: DaysAgo(50), unit: "mmol/L", loinc: "2000-8").Calcium(8.1m, on: DaysAgo(10), loinc: "49765-1")
            .Hypocalcemia().Finding!;
        Assert.Equal(8.016m, finding.Evidence[0].Value);
        Assert.Equal("Persistent hypocalcemia (lowest total Ca 8.02 mg/dL on " + DaysAgo(50) + "; 2 low values " + DaysAgo(50) + " to " + DaysAgo(10) + ")", finding.Summary);
    }

    [Theory]
    [InlineData("E20.9")]
    [InlineData("E89.2")]
    [InlineData("N18.6")]
    public void Managed_hypoparathyroidism_or_ESRD_is_routed_elsewhere(string code)
    {
        var outcome = History.Of(Man.Aged(45)).Diagnosis(code, onset: "2020-01-01").Calcium(8.0m, on: DaysAgo(50)).Calcium(8.0m, on: DaysAgo(10)).Hypocalcemia();
        Assert.Equal(OutcomeKind.Excluded, outcome.Kind);
        Assert.Equal("managed-elsewhere", outcome.Reason);
    }
}

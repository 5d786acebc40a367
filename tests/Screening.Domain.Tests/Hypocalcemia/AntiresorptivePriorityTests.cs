using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Hypocalcemia;

/// <summary>clinical-rules §9.3 "Priority": on antiresorptive therapy = high (bisphosphonates, denosumab worsen hypocalcemia).</summary>
public class AntiresorptivePriorityTests
{
    private static History Lows(decimal lowest) => History.Of(Man.Aged(45)).Calcium(8.3m, on: DaysAgo(100)).Calcium(lowest, on: DaysAgo(40));

    [Theory]
    [InlineData(8.0, false, Priority.Normal)]   // 8.0 is not below 8.0: normal without therapy
    [InlineData(7.99, false, Priority.High)]
    [InlineData(8.0, true, Priority.High)]      // the same streak on a bisphosphonate is high
    [InlineData(8.4, true, Priority.High)]
    public void Antiresorptive_therapy_makes_a_persistent_hypocalcemia_high_priority(double lowest, bool onTherapy, Priority priority)
    {
        var history = Lows((decimal)lowest);
        if (onTherapy) history.Diagnosis("Z79.83", onset: DaysAgo(700));
        var finding = history.Hypocalcemia().Finding!;
        Assert.Equal(priority, finding.Priority);
        Assert.Equal(onTherapy, finding.Details.ContainsKey("highPriorityTherapy"));
    }

    [Theory]
    [InlineData(1, Priority.Normal)]    // therapy stopped the day before as-of
    [InlineData(0, Priority.High)]      // stopped on the as-of date: still active that day
    public void Therapy_counts_only_while_active_on_the_as_of_date(int stoppedDaysAgo, Priority priority)
    {
        var finding = Lows(8.2m).Diagnosis("Z79.83", onset: DaysAgo(700), abatement: DaysAgo(stoppedDaysAgo)).Hypocalcemia().Finding!;
        Assert.Equal(priority, finding.Priority);
    }

    [Fact]
    public void Therapy_starting_after_the_as_of_date_does_not_count_yet()
        => Assert.Equal(Priority.Normal, Lows(8.2m).Diagnosis("Z79.83", onset: Iso(Today.AddDays(1))).Hypocalcemia().Finding!.Priority);

    [Fact]
    public void A_rule_file_without_the_therapy_set_keeps_the_value_only_priority()
    {
        var rules = Seed.With(json =>
        {
            json["hypocalcemia"]!["priority"]!.AsObject().Remove("highOnTherapy");
            json["valueSets"]!.AsObject().Remove("antiresorptive-therapy");
            json["measures"]!["omw"]!["therapyCodes"] = new System.Text.Json.Nodes.JsonObject { ["icd10"] = new System.Text.Json.Nodes.JsonArray("Z79.83") };
        });
        Assert.Equal(Priority.Normal, Lows(8.2m).Diagnosis("Z79.83", onset: DaysAgo(700)).Hypocalcemia(rules: rules).Finding!.Priority);
    }
}

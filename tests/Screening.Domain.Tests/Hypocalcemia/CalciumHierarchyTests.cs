using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Hypocalcemia;

public class CalciumHierarchyTests
{
    private static History Patient() => History.Of(Woman.Aged(50));

    [Theory]
    [InlineData(8.1, 3.5, false)] // 8.1 + 0.8 × (4.0 − 3.5) = 8.5: normal
    [InlineData(8.0, 3.5, true)]  // 8.4: low
    [InlineData(7.7, 3.0, false)] // 8.5 at the bottom of the albumin window: normal
    [InlineData(7.6, 3.0, true)]  // 8.4: low
    [InlineData(8.4, 3.8, false)] // low uncorrected, 8.56 corrected: normal
    public void Albumin_corrected_calcium_is_judged_against_8_5(double total, double albumin, bool persistent)
    {
        var outcome = Patient()
            .Calcium((decimal)total, on: DaysAgo(50)).Albumin((decimal)albumin, on: DaysAgo(50))
            .Calcium((decimal)total, on: DaysAgo(10)).Albumin((decimal)albumin * 10, on: DaysAgo(10), unit: "g/L")
            .Hypocalcemia();
        Assert.Equal(persistent ? OutcomeKind.Met : OutcomeKind.NotMet, outcome.Kind);
    }

    [Fact]
    public void Corrected_values_carry_the_formula_on_each_evidence_item()
    {
        var finding = Patient()
            .Calcium(8.0m, on: DaysAgo(50)).Albumin(3.5m, on: DaysAgo(50)).Albumin(3.8m, on: DaysAgo(50))
            .Calcium(7.9m, on: DaysAgo(10)).Albumin(3.6m, on: DaysAgo(10))
            .Hypocalcemia().Finding!;
        Assert.All(finding.Evidence, e => Assert.Equal("corrected-payne-0.8", e.Note));
        Assert.Equal(8.4m, finding.Evidence[0].Value); // lowest same-day albumin 3.5
        Assert.Equal(8.22m, finding.Evidence[1].Value);
        Assert.Equal("corrected-payne-0.8", finding.Details["correction"]);
        Assert.Contains("albumin 3.5 g/dL", finding.Details["correctionInputs"]);
    }

    [Fact]
    public void CKD_disables_correction()
    {
        var history = Patient()
            .Calcium(8.2m, on: DaysAgo(50)).Albumin(3.2m, on: DaysAgo(50))
            .Calcium(8.2m, on: DaysAgo(10)).Albumin(3.2m, on: DaysAgo(10));
        Assert.Equal(OutcomeReasons.NormalValue, history.Hypocalcemia().Reason); // corrected 8.84

        var finding = history.Diagnosis("N18.30", onset: "2023-01-01").Hypocalcemia().Finding!;
        Assert.All(finding.Evidence, e => Assert.Equal("total-uncorrected", e.Note));
        Assert.Equal("true", finding.Details["ckd"]);
    }

    [Fact]
    public void Resolved_CKD_does_not_disable_correction()
    {
        var outcome = Patient()
            .Calcium(8.2m, on: DaysAgo(50)).Albumin(3.2m, on: DaysAgo(50)).Calcium(8.2m, on: DaysAgo(10)).Albumin(3.2m, on: DaysAgo(10))
            .Diagnosis("N18.4", onset: "2020-01-01", abatement: "2021-01-01").Hypocalcemia();
        Assert.Equal(OutcomeReasons.NormalValue, outcome.Reason);
    }

    [Fact]
    public void Ionized_calcium_beats_total_on_the_same_day()
    {
        var outcome = Patient()
            .Calcium(8.0m, on: DaysAgo(50)).Calcium(7.9m, on: DaysAgo(10)).Ionized(1.20m, on: DaysAgo(10))
            .Hypocalcemia();
        Assert.Equal(OutcomeReasons.NormalValue, outcome.Reason);
    }

    [Theory]
    [InlineData(1.11, true)]
    [InlineData(1.12, false)]
    public void Ionized_calcium_below_1_12_is_low(double ionized, bool persistent)
    {
        var outcome = Patient().Ionized((decimal)ionized, on: DaysAgo(50)).Ionized((decimal)ionized, on: DaysAgo(10)).Hypocalcemia();
        Assert.Equal(persistent ? OutcomeKind.Met : OutcomeKind.NotMet, outcome.Kind);
        if (persistent) Assert.All(outcome.Finding!.Evidence, e => Assert.Equal("ionized", e.Note));
    }

    [Theory]
    [InlineData(0.99, Priority.High)]
    [InlineData(1.00, Priority.Normal)]
    public void Ionized_priority_is_high_below_1_0(double ionized, Priority priority)
    {
        var finding = Patient().Ionized((decimal)ionized, on: DaysAgo(50)).Ionized(1.1m, on: DaysAgo(10)).Hypocalcemia().Finding!;
        Assert.Equal(priority, finding.Priority);
    }

    [Fact]
    public void Ionized_in_mg_dl_is_converted()
    {
        var finding = Patient().Ionized(4.4m, on: DaysAgo(50), unit: "mg/dL", loinc: "17863-2").Ionized(4.4m, on: DaysAgo(10), unit: "mg/dL", loinc: "17863-2")
            .Hypocalcemia().Finding!;
        Assert.Equal(new MeasuredValue(1.098m, "mmol/L", Date(DaysAgo(50))), finding.Lowest);
    }

    [Fact]
    public void A_low_total_with_albumin_below_3_0_is_skipped_and_needs_ionized_calcium()
    {
        var history = Patient()
            .Calcium(8.0m, on: DaysAgo(80)).Calcium(7.5m, on: DaysAgo(50)).Albumin(2.8m, on: DaysAgo(50)).Calcium(8.0m, on: DaysAgo(10));
        var finding = history.Hypocalcemia().Finding!;
        Assert.Equal(2, finding.Evidence.Count);
        Assert.DoesNotContain(finding.Evidence, e => e.On == Date(DaysAgo(50)));
        Assert.Contains("needs ionized Ca", finding.Details["needsIonizedCa"]);
    }

    [Fact]
    public void A_normal_total_with_albumin_below_3_0_counts_as_normal()
    {
        var outcome = Patient()
            .Calcium(8.0m, on: DaysAgo(80)).Calcium(8.0m, on: DaysAgo(50)).Calcium(8.7m, on: DaysAgo(10)).Albumin(2.5m, on: DaysAgo(10))
            .Hypocalcemia();
        Assert.Equal(OutcomeReasons.NormalValue, outcome.Reason);
    }

    [Fact]
    public void Albumin_of_4_0_or_more_leaves_calcium_uncorrected()
    {
        var finding = Patient()
            .Calcium(8.4m, on: DaysAgo(50)).Albumin(4.0m, on: DaysAgo(50)).Calcium(8.4m, on: DaysAgo(10)).Albumin(4.5m, on: DaysAgo(10))
            .Hypocalcemia().Finding!;
        Assert.All(finding.Evidence, e => Assert.Equal("total-uncorrected", e.Note));
    }

    [Fact]
    public void Lab_corrected_calcium_is_used_as_reported_without_double_correction()
    {
        var finding = Patient()
            .LabCorrectedCalcium(2.05m, on: DaysAgo(50)).Calcium(7.5m, on: DaysAgo(50)).Albumin(3.2m, on: DaysAgo(50))
            .LabCorrectedCalcium(8.3m, on: DaysAgo(10), unit: "mg/dL", loinc: "46099-8")
            .Hypocalcemia().Finding!;
        Assert.All(finding.Evidence, e => Assert.Equal("lab-corrected", e.Note));
        Assert.Equal(8.216m, finding.Evidence[0].Value);
    }

    [Fact]
    public void Lab_low_limit_within_ten_percent_replaces_8_5()
    {
        var outcome = Patient().Calcium(8.4m, on: DaysAgo(50), referenceLow: 8.2m).Calcium(8.4m, on: DaysAgo(10), referenceLow: 8.2m).Hypocalcemia();
        Assert.Equal(OutcomeReasons.NormalValue, outcome.Reason);
    }
}

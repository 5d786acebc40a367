using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.TimeAlone;

namespace Screening.Domain.Tests.Hypocalcemia;

/// <summary>When time alone changes a PERSISTENT HYPOCALCEMIA outcome (clinical-rules §9.1, §9.3, §9.4b).</summary>
public class HypocalcemiaStableUntilSpecs
{
    [Theory]
    [InlineData("2024-09-01", "2024-11-15", "2025-06-30", "2025-11-16", "Met/")]
    [InlineData("2024-11-01", "2024-11-15", "2025-06-30", "2025-11-16", "NotMet/span-too-short")]
    public void A_persistent_hypocalcemia_stops_being_recent_the_day_after_the_recency_window(string firstLow, string lastLow, string asOf, string tooOld, string state)
    {
        // Its own persistence: minSpanDays 30, recencyDays 365 (§9.3, §9.1 "Current streak and recency").
        var history = History.Of(Woman.Aged(40)).Calcium(8.0m, on: firstLow).Calcium(8.1m, on: lastLow);
        var (before, on) = Moves(history, asOf, until: tooOld);
        Assert.Equal(state, State(before.Outcomes[1]));
        Assert.Equal("NotMet/too-old", State(on.Outcomes[1]));
    }

    [Theory]
    [InlineData("E20.9", "2025-08-15", null, null, "2025-08-16")]          // hypoparathyroidism
    [InlineData("E89.2", "2025-06-30", null, null, "2025-07-01")]          // abating on the as-of date: still active that day
    [InlineData("E20.9", "2025-08-15", "Z99.2", "2025-09-30", "2025-10-01")] // excluded until the later one abates
    public void A_managed_elsewhere_diagnosis_stops_excluding_the_day_after_its_abatement(string code, string abatement, string? otherCode, string? otherAbatement, string excludedUntil)
    {
        // managedElsewhereCodes (§9.3 "Rule-specific exclusions / routing"): active from onset through abatement.
        var history = History.Of(Woman.Aged(40)).Calcium(8.0m, on: "2025-03-01").Calcium(8.1m, on: "2025-06-01")
            .Diagnosis(code, onset: "2020-01-01", abatement: abatement);
        if (otherCode is not null) history.Diagnosis(otherCode, onset: "2021-01-01", abatement: otherAbatement);
        var (before, on) = Moves(history, "2025-06-30", until: excludedUntil);
        Assert.Equal("Excluded/managed-elsewhere", State(before.Outcomes[1]));
        Assert.Equal("Met/", State(on.Outcomes[1]));
    }

    [Fact]
    public void When_ckd_abates_albumin_correction_applies_from_the_next_day()
    {
        // CKD disables the Payne correction (§9.4b): 8.3 mg/dL is low uncorrected, 8.3 + 0.8 × (4.0 − 3.5) = 8.7 is not.
        var history = History.Of(Woman.Aged(40))
            .Calcium(8.3m, on: "2025-03-01").Albumin(3.5m, on: "2025-03-01")
            .Calcium(8.3m, on: "2025-06-01").Albumin(3.5m, on: "2025-06-01")
            .Diagnosis("N18.4", onset: "2020-01-01", abatement: "2025-07-31");
        var (before, on) = Moves(history, "2025-06-30", until: "2025-08-01");
        Assert.Equal("true", before.Outcomes[1].Finding!.Details["ckd"]);
        Assert.Equal("NotMet/normal-value", State(on.Outcomes[1]));
    }

    [Fact]
    public void Ckd_abating_is_not_a_change_point_when_no_day_could_be_corrected()
    {
        // Albumin ≥ 4.0 g/dL is never corrected, with or without CKD (§9.3 albumin window).
        var history = History.Of(Person.OfUnknownSex(40))
            .Calcium(8.3m, on: "2025-03-01").Albumin(4.1m, on: "2025-03-01").Calcium(8.8m, on: "2025-06-01")
            .Diagnosis("N18.4", onset: "2020-01-01", abatement: "2025-07-31");
        NeverMoves(history, "2025-06-30");
    }
}

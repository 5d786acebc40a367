using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.TimeAlone;

namespace Screening.Domain.Tests.Screening;

/// <summary>
/// Stable-until dates of the global exclusions and of data dated after as-of (clinical-rules §9.1, §9.4b): the date
/// the incremental nightly screen looks at a patient again without new data.
/// </summary>
public class StableUntilSpecs
{
    [Theory]
    [InlineData("2007-09-10", "2025-06-30", "2025-09-10")]
    [InlineData("2008-02-29", "2025-06-30", "2026-02-28")] // born 29 February: 18 on 28 February of a common year
    [InlineData("2008-02-29", "2026-02-27", "2026-02-28")]
    public void Turning_18_ends_the_under_18_exclusion_on_the_birthday(string born, string asOf, string eighteen)
    {
        var history = History.Of(Woman.BornOn(born)).Hb(10.5m, on: "2025-01-10").Hb(10.4m, on: "2025-06-20");
        var (before, on) = Moves(history, asOf, until: eighteen);
        Assert.All(before.Outcomes, o => Assert.Equal("Excluded/under-18", State(o)));
        Assert.All(on.Outcomes, o => Assert.NotEqual(OutcomeKind.Excluded, o.Kind));
    }

    [Theory]
    [InlineData(40, "2025-09-01")]
    [InlineData(17, "2025-09-01")] // a child who dies before turning 18
    public void A_death_recorded_after_the_as_of_date_excludes_every_rule_from_that_day(int age, string died)
    {
        var history = History.Of(Woman.Aged(age)).Hb(10.5m, on: "2025-01-10").Hb(10.4m, on: "2025-06-20").Deceased(on: died);
        var (_, on) = Moves(history, "2025-06-30", until: died);
        Assert.All(on.Outcomes, o => Assert.Equal("Excluded/deceased", State(o)));
    }

    [Theory]
    [InlineData("718-7", 10.5, "g/dL", "2025-07-15")]         // a hemoglobin starts a streak
    [InlineData("17861-6", 8.1, "mg/dL", "2025-08-01")]       // a total calcium starts a streak
    [InlineData("38267-1", -2.6, "{T-score}", "2025-09-01")]  // a T-score ≤ −2.0 makes the patient DXA-eligible
    public void A_future_dated_result_is_a_change_point(string loinc, double value, string unit, string collected)
    {
        var history = History.Of(Person.OfUnknownSex(40)).Result(loinc, (decimal)value, unit, on: collected);
        Moves(history, "2025-06-30", until: collected);
    }

    [Theory]
    [InlineData("2276-4", 30.0, "ng/mL", ResultStatus.Final, EncounterSetting.Outpatient)]    // ferritin: read by no rule
    [InlineData("718-7", 10.5, "g/dL", ResultStatus.Preliminary, EncounterSetting.Outpatient)] // never countable
    [InlineData("718-7", 10.5, "g/dL", ResultStatus.Final, EncounterSetting.Inpatient)]        // invisible to persistence
    public void A_future_dated_result_no_rule_will_count_is_not_a_change_point(string loinc, double value, string unit, ResultStatus status, EncounterSetting setting)
    {
        var history = History.Of(Person.OfUnknownSex(40)).Result(loinc, (decimal)value, unit, on: "2025-07-15", status, setting);
        NeverMoves(history, "2025-06-30");
    }

    [Fact]
    public void A_future_dated_pregnancy_suspends_anemia_from_its_onset()
    {
        var history = History.Of(Woman.Aged(30)).Hb(10.5m, on: "2024-12-01").Hb(10.4m, on: "2025-06-20").Pregnancy(onset: "2025-07-20");
        var (before, on) = Moves(history, "2025-06-30", until: "2025-07-20");
        Assert.Equal("Met/", State(before.Outcomes[0]));
        Assert.Equal("Suspended/pregnancy", State(on.Outcomes[0]));
    }

    [Fact]
    public void A_future_dated_dxa_procedure_resets_the_dxa_due_date_on_its_day()
    {
        var history = History.Of(Woman.Aged(70)).DxaScan(on: "2025-08-01");
        var (before, on) = Moves(history, "2025-06-30", until: "2025-08-01");
        Assert.Equal("Met/", State(before.Outcomes[2])); // never scanned since turning 65
        Assert.Equal("NotMet/not-due", State(on.Outcomes[2]));
    }

    [Fact]
    public void A_future_dated_diagnosis_no_rule_reads_is_not_a_change_point()
    {
        NeverMoves(History.Of(Person.OfUnknownSex(40)).Diagnosis("I10", onset: "2025-07-15"), "2025-06-30");
    }

    [Fact]
    public void A_patient_without_a_birth_date_never_moves_on_time_alone()
    {
        var history = History.Of(Person.WithoutBirthDate()).Hb(10.5m, on: "2025-01-10").Hb(10.4m, on: "2025-06-20").Hb(10.0m, on: "2025-09-01");
        Assert.All(NeverMoves(history, "2025-06-30").Outcomes, o => Assert.Equal("Excluded/unknown-age", State(o)));
    }

    [Fact]
    public void A_deceased_patient_never_moves_even_with_later_dated_data()
    {
        var history = History.Of(Woman.Aged(70)).Deceased(on: "2025-05-01").Hb(10.0m, on: "2025-09-01").DxaScan(on: "2025-10-01");
        NeverMoves(history, "2025-06-30");
    }

    [Fact]
    public void An_abatement_on_the_last_day_of_the_calendar_excludes_for_good()
    {
        // Some sources write 9999-12-31 for "no end"; the exclusion then has no day after it.
        var history = History.Of(Person.OfUnknownSex(40)).Calcium(8.0m, on: "2025-03-01").Calcium(8.1m, on: "2025-06-01")
            .Diagnosis("E20.9", onset: "2020-01-01", abatement: "9999-12-31");
        Assert.Equal("Excluded/managed-elsewhere", State(NeverMoves(history, "2025-06-30").Outcomes[1]));
    }

    [Fact]
    public void An_adult_whose_rules_read_no_date_ahead_never_moves_on_time_alone()
    {
        // Unknown sex, no DXA risk flag (not eligible), latest hemoglobin normal: only new data can change this.
        var history = History.Of(Person.OfUnknownSex(40)).Hb(10.5m, on: "2024-10-01").Hb(13.0m, on: "2025-06-01");
        var screening = NeverMoves(history, "2025-06-30");
        Assert.Equal(["NotMet/normal-value", "NotMet/no-results", "NotMet/not-eligible"], screening.Outcomes.Select(State));
    }
}

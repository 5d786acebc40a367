using Screening.Domain.Measures;
using static Screening.Domain.Tests.Measures.MeasurePopulation;

namespace Screening.Domain.Tests.Measures;

/// <summary>
/// HEDIS OMW (clinical-rules §5.4) as of 2026-12-03: intake period 2025-07-01 – 2026-06-30, ages 67–85 on
/// 31 December 2026, 180 days after the first fracture (IESD) to test or treat.
/// </summary>
public class OmwMeasureTests
{
    private const string Born = "1950-03-01";

    [Theory]
    [InlineData("2025-06-30", MeasureStatus.NotInDenominator)]
    [InlineData("2025-07-01", MeasureStatus.NotMet)]
    [InlineData("2026-06-30", MeasureStatus.NotMet)]
    [InlineData("2026-07-01", MeasureStatus.NotInDenominator)]
    public void A_fracture_in_the_intake_period_puts_a_woman_in_the_denominator(string fractured, MeasureStatus status) =>
        Assert.Equal(status, Outcome(Woman(Born, diagnoses: [Fracture(fractured)]), MeasureIds.Omw).Status);

    [Theory]
    [InlineData("1959-12-31", MeasureStatus.NotMet)]           // 67
    [InlineData("1960-01-01", MeasureStatus.NotInDenominator)] // 66
    [InlineData("1941-01-01", MeasureStatus.NotMet)]           // 85
    [InlineData("1940-12-31", MeasureStatus.NotInDenominator)] // 86
    public void Women_67_to_85_on_31_December(string born, MeasureStatus status) =>
        Assert.Equal(status, Outcome(Woman(born, diagnoses: [Fracture("2026-01-10")]), MeasureIds.Omw).Status);

    [Fact]
    public void A_finger_fracture_is_not_an_OMW_fracture() =>
        Assert.Equal(MeasureStatus.NotInDenominator, Outcome(Woman(Born, diagnoses: [new("S62.600A", Patients.CodeSystem.Icd10, new DateOnly(2026, 1, 10))]), MeasureIds.Omw).Status);

    [Theory]
    [InlineData("2026-01-10", MeasureStatus.Numerator)] // on the IESD
    [InlineData("2026-07-09", MeasureStatus.Numerator)] // IESD + 180 days
    [InlineData("2026-07-10", MeasureStatus.NotMet)]    // IESD + 181 days
    [InlineData("2026-01-09", MeasureStatus.Excluded)]  // the day before: a prior BMD
    [InlineData("2024-01-11", MeasureStatus.Excluded)]  // IESD − 730 days
    [InlineData("2024-01-10", MeasureStatus.NotMet)]    // IESD − 731 days: too old to exclude
    public void A_BMD_test_within_180_days_meets_it_one_in_the_730_days_before_excludes(string scanned, MeasureStatus status) =>
        Assert.Equal(status, Outcome(Woman(Born, diagnoses: [Fracture("2026-01-10")], procedures: [DxaScan(scanned)]), MeasureIds.Omw).Status);

    [Fact]
    public void Therapy_started_within_180_days_meets_it()
    {
        var outcome = Outcome(Woman(Born, diagnoses: [Fracture("2026-01-10"), Bisphosphonate("2026-03-01")]), MeasureIds.Omw);
        Assert.Equal((MeasureStatus.Numerator, "therapy"), (outcome.Status, outcome.Reason));
    }

    [Theory]
    [InlineData("2025-01-10", MeasureStatus.Excluded)] // therapy ended IESD − 365 days
    [InlineData("2025-01-09", MeasureStatus.NotMet)]   // ended IESD − 366 days
    public void Therapy_in_the_365_days_before_the_fracture_excludes(string ended, MeasureStatus status) =>
        Assert.Equal(status, Outcome(Woman(Born, diagnoses: [Fracture("2026-01-10"), Bisphosphonate("2020-01-01", ended)]), MeasureIds.Omw).Status);

    [Fact]
    public void The_first_fracture_of_the_intake_period_is_the_episode_date()
    {
        // A scan 200 days after the first fracture but 50 days after the second does not meet the first episode.
        var woman = Woman(Born, diagnoses: [Fracture("2025-08-01"), Fracture("2026-01-01")], procedures: [DxaScan("2026-02-17")]);
        Assert.Equal(MeasureStatus.NotMet, Outcome(woman, MeasureIds.Omw).Status);
    }

    [Fact]
    public void An_episode_still_inside_its_180_days_is_an_open_gap()
    {
        var outcome = Outcome(Woman(Born, diagnoses: [Fracture("2026-06-30")]), MeasureIds.Omw);
        Assert.Equal((MeasureStatus.NotMet, "episode-open"), (outcome.Status, outcome.Reason));
    }
}

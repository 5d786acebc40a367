using Screening.Domain.Measures;
using static Screening.Domain.Tests.Measures.MeasurePopulation;

namespace Screening.Domain.Tests.Measures;

/// <summary>HEDIS OSW (clinical-rules §5.4) as of 2026-12-03: measurement year 2026, ages on 31 December 2026.</summary>
public class OswMeasureTests
{
    [Theory]
    [InlineData("1961-12-31", MeasureStatus.NotMet)]           // 65 on 31 Dec 2026
    [InlineData("1962-01-01", MeasureStatus.NotInDenominator)] // 64
    [InlineData("1951-01-01", MeasureStatus.NotMet)]           // 75
    [InlineData("1950-12-31", MeasureStatus.NotInDenominator)] // 76
    public void Women_65_to_75_on_31_December_of_the_measurement_year_are_in_the_denominator(string born, MeasureStatus status) =>
        Assert.Equal(status, Outcome(Woman(born), MeasureIds.Osw).Status);

    [Fact]
    public void Men_are_not_in_the_denominator() =>
        Assert.Equal(MeasureStatus.NotInDenominator, Outcome(Woman("1955-01-01") with { Patient = Woman("1955-01-01").Patient with { Sex = Patients.Sex.Male } }, MeasureIds.Osw).Status);

    [Theory]
    [InlineData("2023-06-15", MeasureStatus.Numerator)] // on the 65th birthday
    [InlineData("2023-06-14", MeasureStatus.NotMet)]    // the day before
    [InlineData("2026-12-03", MeasureStatus.Numerator)] // on as-of
    [InlineData("2026-12-04", MeasureStatus.NotMet)]    // after as-of: does not exist yet
    public void A_screening_test_counts_from_the_65th_birthday_through_as_of(string scanned, MeasureStatus status) =>
        Assert.Equal(status, Outcome(Woman("1958-06-15", procedures: [DxaScan(scanned)]), MeasureIds.Osw).Status);

    [Theory]
    [InlineData("76977", MeasureStatus.Numerator)] // ultrasound bone density: HEDIS only
    [InlineData("77078", MeasureStatus.Numerator)] // CT bone density: HEDIS only
    [InlineData("77081", MeasureStatus.Numerator)]
    [InlineData("77086", MeasureStatus.NotMet)]    // vertebral fracture assessment alone
    public void The_OSW_screening_codes_include_the_HEDIS_only_tests(string cpt, MeasureStatus status) =>
        Assert.Equal(status, Outcome(Woman("1958-06-15", procedures: [DxaScan("2025-01-10", cpt)]), MeasureIds.Osw).Status);

    [Fact]
    public void Hospice_and_death_on_or_before_as_of_are_exclusions_a_later_death_is_not()
    {
        Assert.Equal(MeasureStatus.Excluded, Outcome(Woman("1958-06-15", hospice: true), MeasureIds.Osw).Status);
        Assert.Equal(MeasureStatus.Excluded, Outcome(Woman("1958-06-15", died: "2026-12-03"), MeasureIds.Osw).Status);
        Assert.Equal(MeasureStatus.NotMet, Outcome(Woman("1958-06-15", died: "2026-12-04"), MeasureIds.Osw).Status);
    }
}

using Screening.Domain.Results;
using Screening.Domain.Tests.Support;

namespace Screening.Domain.Tests.Results;

public class CriticalValueTests
{
    private static LabObservation Result(string loinc, decimal value, string unit, ResultStatus status = ResultStatus.Final,
        EncounterSetting setting = EncounterSetting.Outpatient)
        => new("lab", "r1", 1, loinc, value, unit, new DateOnly(2025, 3, 1), status, setting);

    [Theory]
    [InlineData("718-7", 7.9, "g/dL", true)]
    [InlineData("718-7", 8.0, "g/dL", false)]
    [InlineData("718-7", 79, "g/L", true)]
    [InlineData("30313-1", 6.5, "g/dL", true)]
    [InlineData("17861-6", 7.5, "mg/dL", true)]
    [InlineData("17861-6", 7.6, "mg/dL", false)]
    [InlineData("2000-8", 1.89, "mmol/L", true)]
    [InlineData("2000-8", 1.90, "mmol/L", false)]
    [InlineData("29265-6", 1.85, "mmol/L", true)]
    [InlineData("1994-3", 0.89, "mmol/L", true)]
    [InlineData("1994-3", 0.90, "mmol/L", false)]
    [InlineData("1751-7", 1.0, "g/dL", false)]
    public void Severe_values_are_critical(string loinc, double value, string unit, bool critical)
    {
        var detected = CriticalValues.Detect(Result(loinc, (decimal)value, unit), Seed.Rules);
        Assert.Equal(critical, detected is not null);
    }

    [Fact]
    public void A_critical_value_names_analyte_value_and_day()
    {
        var detected = CriticalValues.Detect(Result("718-7", 7.2m, "g/dl", setting: EncounterSetting.Emergency), Seed.Rules)!;
        Assert.Equal("hemoglobin", detected.Analyte);
        Assert.Equal(7.2m, detected.Value);
        Assert.Equal("g/dL", detected.Unit);
        Assert.Equal(new DateOnly(2025, 3, 1), detected.CollectedOn);
        Assert.Equal("Critical low hemoglobin 7.2 g/dL on 2025-03-01 (below 8.0 g/dL)", detected.Summary);
    }

    [Theory]
    [InlineData(ResultStatus.Preliminary)]
    [InlineData(ResultStatus.Cancelled)]
    [InlineData(ResultStatus.EnteredInError)]
    [InlineData(ResultStatus.Unknown)]
    public void Only_countable_results_are_critical(ResultStatus status)
    {
        Assert.Null(CriticalValues.Detect(Result("718-7", 6.0m, "g/dL", status), Seed.Rules));
    }

    [Fact]
    public void Quarantined_values_are_never_critical()
    {
        Assert.Null(CriticalValues.Detect(Result("718-7", 1.0m, "g/dL"), Seed.Rules));
        Assert.Null(CriticalValues.Detect(Result("718-7", 6.0m, "g/mL"), Seed.Rules));
    }
}

using Screening.Domain.Results;
using Screening.Domain.Rules;
using Screening.Domain.Tests.Support;

namespace Screening.Domain.Tests.Results;

public class LabValueTests
{
    [Theory]
    [InlineData("718-7", 11.2, "g/dL", "hemoglobin", 11.2, "g/dL")]
    [InlineData("718-7", 11.2, "g/dl", "hemoglobin", 11.2, "g/dL")]
    [InlineData("718-7", 11.2, "G/DL", "hemoglobin", 11.2, "g/dL")]
    [InlineData("718-7", 112, "g/L", "hemoglobin", 11.2, "g/dL")]
    [InlineData("59260-0", 7.0, "mmol/L", "hemoglobin", 11.277, "g/dL")]
    [InlineData("17861-6", 8.4, "mg/dL", "calcium-total", 8.4, "mg/dL")]
    [InlineData("2000-8", 2.495, "mmol/L", "calcium-total", 10.0, "mg/dL")]
    [InlineData("29265-6", 2.12, "mmol/L", "calcium-corrected", 8.497, "mg/dL")]
    [InlineData("1994-3", 1.15, "mmol/L", "calcium-ionized", 1.15, "mmol/L")]
    [InlineData("17863-2", 4.6, "mg/dL", "calcium-ionized", 1.148, "mmol/L")]
    [InlineData("1994-3", 2.3, "meq/L", "calcium-ionized", 1.15, "mmol/L")]
    [InlineData("1751-7", 35, "g/L", "albumin", 3.5, "g/dL")]
    [InlineData("54347-0", 602, "umol/L", "albumin", 4.0, "g/dL")]
    [InlineData("38265-5", -2.6, "{T-score}", "dxa-t-score", -2.6, "{T-score}")]
    [InlineData("62292-8", 50, "nmol/L", "vitamin-d-25oh", 20.032, "ng/mL")]
    [InlineData("1988-5", 0.6, "mg/dL", "crp", 6.0, "mg/L")]
    public void Known_units_are_converted_to_the_canonical_unit(string loinc, double value, string unit, string analyte, double canonical, string canonicalUnit)
    {
        var verdict = Assert.IsType<LabValueVerdict.Accepted>(LabValues.Check(loinc, (decimal)value, unit));
        Assert.Equal(analyte, verdict.Analyte);
        Assert.Equal((decimal)canonical, decimal.Round(verdict.Value, 3));
        Assert.Equal(canonicalUnit, verdict.Unit);
    }

    [Theory]
    [InlineData("718-7", 11.2, "g/mL", "unknown-unit")]
    [InlineData("20509-6", 112, "g/l-1", "unknown-unit")]
    [InlineData("718-7", 11.2, "", "unknown-unit")]
    [InlineData("718-7", 112, "g/dL", "implausible-value")]
    [InlineData("718-7", 1.9, "g/dL", "implausible-value")]
    [InlineData("718-7", 25.1, "g/dL", "implausible-value")]
    [InlineData("17861-6", 2.1, "mg/dL", "implausible-value")]
    [InlineData("17861-6", 9.0, "mg/L", "unknown-unit")]
    [InlineData("1994-3", 3.1, "mmol/L", "implausible-value")]
    [InlineData("1751-7", 40, "g/dL", "implausible-value")]
    public void Wrong_units_and_implausible_values_are_rejected_with_a_reason(string loinc, double value, string unit, string reason)
    {
        var verdict = Assert.IsType<LabValueVerdict.Rejected>(LabValues.Check(loinc, (decimal)value, unit, Seed.Rules));
        Assert.Equal(reason, verdict.ReasonCode);
        Assert.False(string.IsNullOrWhiteSpace(verdict.Detail));
    }

    [Theory]
    [InlineData(2.0, true)]
    [InlineData(25.0, true)]
    public void Plausibility_limits_are_inclusive(double value, bool accepted)
    {
        Assert.Equal(accepted, LabValues.Check("718-7", (decimal)value, "g/dL") is LabValueVerdict.Accepted);
    }

    [Fact]
    public void A_missing_value_is_rejected()
    {
        var verdict = Assert.IsType<LabValueVerdict.Rejected>(LabValues.Check("718-7", (decimal?)null, "g/dL"));
        Assert.Equal("missing-value", verdict.ReasonCode);
    }

    [Fact]
    public void Codes_screening_does_not_use_are_ignored_not_rejected()
    {
        Assert.IsType<LabValueVerdict.Ignored>(LabValues.Check("2345-7", 100m, "mg/dL"));
        Assert.IsType<LabValueVerdict.Ignored>(LabValues.Check("2345-7", (decimal?)null, null));
    }

    [Fact]
    public void Built_in_plausibility_limits_equal_the_seed_file()
    {
        var seed = Seed.Rules.Shared.Plausibility;
        var builtIn = PlausibilityLimits.Default;
        Assert.Equal(builtIn.Hemoglobin, seed.Hemoglobin);
        Assert.Equal(builtIn.Calcium, seed.Calcium);
        Assert.Equal(builtIn.IonizedCalcium, seed.IonizedCalcium);
        Assert.Equal(builtIn.Albumin, seed.Albumin);
        Assert.Equal(builtIn.TScore, seed.TScore);
    }

    [Theory]
    [InlineData("718-7", true)]
    [InlineData("38265-5", true)]
    [InlineData("718-8", false)]
    [InlineData("7187", false)]
    [InlineData("abc-1", false)]
    public void LOINC_check_digits_are_verified(string code, bool valid)
    {
        Assert.Equal(valid, LoincCode.HasValidCheckDigit(code));
    }
}

using Screening.App.Web.Shared;

namespace Screening.IntegrationTests.Web;

public class QuantityTextTests
{
    [Theory]
    [InlineData(-2.4, "{T-score}", "T-score \u22122.4")]
    [InlineData(0.5, "{Z-score}", "Z-score 0.5")]
    [InlineData(8.6, "mg/dL", "8.6 mg/dL")]
    [InlineData(3.50, "g/dL", "3.5 g/dL")]
    [InlineData(-1.0, "", "\u22121")]
    public void Values_print_as_clinicians_write_them(double value, string unit, string text)
        => Assert.Equal(text, Quantities.Of((decimal)value, unit));
}

using Screening.App.Cli;

namespace Screening.IntegrationTests.Web;

/// <summary>CSV formula injection (OWASP): every CSV the product writes goes through CsvField.</summary>
public sealed class CsvInjectionTests
{
    [Theory]
    [InlineData("-1+cmd|' /C calc'!A0", "'-1+cmd|' /C calc'!A0")]
    [InlineData("=HYPERLINK(\"x\")", "\"'=HYPERLINK(\"\"x\"\")\"")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "\"'\rx\"")]
    [InlineData("-1.5", "-1.5")]
    [InlineData("north", "north")]
    public void Csv_fields_that_a_spreadsheet_would_run_as_a_formula_are_neutralised(string value, string written) =>
        Assert.Equal(written, CsvField.Escape(value));
}

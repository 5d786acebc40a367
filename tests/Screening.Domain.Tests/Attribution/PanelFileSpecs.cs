using Screening.Domain.Attribution;

namespace Screening.Domain.Tests.Attribution;

public sealed class PanelFileSpecs
{
    [Fact]
    public void A_panel_names_each_patient_by_issuing_system_and_value()
    {
        var (lines, problems) = PanelFile.Parse("identifier,team\r\nHOSP|14,north\n# comment\n\nLABCO|14,south\n", null);
        Assert.Empty(problems);
        Assert.Equal([new PanelFile.Line(2, new PatientIdentifier("HOSP", "14"), "north"), new PanelFile.Line(5, new PatientIdentifier("LABCO", "14"), "south")], lines);
    }

    [Fact]
    public void A_bare_value_takes_the_default_system_given_for_the_file() =>
        Assert.Equal(new PatientIdentifier("HOSP", "14"), PanelFile.Parse("14,north", "HOSP").Lines.Single().Identifier);

    [Fact]
    public void A_bare_value_without_a_default_system_is_a_problem_not_a_guess()
    {
        var (lines, problems) = PanelFile.Parse("14,north", null);
        Assert.Empty(lines);
        Assert.Contains("line 1: identifier '14' has no issuing system", Assert.Single(problems));
    }

    [Fact]
    public void Every_bad_line_is_reported_with_its_number()
    {
        var (_, problems) = PanelFile.Parse("HOSP|1,north\nHOSP|2\nHOSP|3,no team\nHOSP|1,south\nHOSP|4,unassigned", null);
        Assert.Equal(4, problems.Count);
        Assert.StartsWith("line 2:", problems[0]);
        Assert.StartsWith("line 3:", problems[1]);
        Assert.Contains("already on line 1", problems[2]);
        Assert.StartsWith("line 5:", problems[3]);
    }

    [Fact]
    public void An_empty_file_is_a_problem() => Assert.Single(PanelFile.Parse("identifier,team\n", null).Problems);
}

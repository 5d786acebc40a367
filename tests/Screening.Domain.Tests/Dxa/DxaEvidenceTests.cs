using Screening.Domain.Patients;
using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Dxa;

public class DxaEvidenceTests
{
    [Theory]
    [InlineData("77080", CodeSystem.Cpt, false)]
    [InlineData("77081", CodeSystem.Cpt, false)]
    [InlineData("77085", CodeSystem.Cpt, false)]
    [InlineData("312681000", CodeSystem.Snomed, false)]
    [InlineData("77086", CodeSystem.Cpt, true)]
    public void Only_bone_density_procedures_count_as_a_scan(string code, CodeSystem system, bool stillOverdue)
    {
        var outcome = History.Of(Woman.Aged(70)).DxaScan(on: DaysAgo(300), code: code, system: system).Dxa();
        Assert.Equal(stillOverdue, outcome.Kind == OutcomeKind.Met);
    }

    [Fact]
    public void A_final_T_score_observation_alone_is_a_scan()
    {
        Assert.Equal(OutcomeReasons.NotDue, History.Of(Woman.Aged(70)).TScore(-1.0m, on: DaysAgo(300)).Dxa().Reason);
    }

    [Fact]
    public void The_lowest_central_T_score_of_the_latest_scan_is_used_and_radius_is_ignored_beside_it()
    {
        var finding = History.Of(Woman.Aged(70))
            .TScore(-2.6m, on: "2008-01-01")
            .TScore(-1.2m, on: "2014-03-01", loinc: "38264-8").TScore(-1.4m, on: "2014-03-01", loinc: "38267-1")
            .TScore(-3.0m, on: "2014-03-01", loinc: "38265-5").DxaScan(on: "2014-03-01")
            .Dxa().Finding!;
        Assert.Equal("-1.4", finding.Details["tScore"]);
        Assert.Equal("central", finding.Details["tScoreSite"]);
        Assert.Equal("120", finding.Details["intervalMonths"]);
        Assert.Equal(4, finding.Evidence.Count);
        Assert.All(finding.Evidence, e => Assert.Equal(Date("2014-03-01"), e.On));
    }

    [Fact]
    public void A_radius_T_score_counts_when_the_scan_has_no_central_one()
    {
        var finding = History.Of(Woman.Aged(70)).TScore(-3.0m, on: "2021-03-01", loinc: "38265-5").Dxa().Finding!;
        Assert.Equal("radius", finding.Details["tScoreSite"]);
        Assert.Equal(Priority.High, finding.Priority);
        Assert.Contains(finding.SuggestedWorkup, w => w.Contains("medication review"));
    }

    [Theory]
    [InlineData(-2.0, Priority.High)]
    [InlineData(-1.9, Priority.Low)]
    public void Priority_is_high_when_the_last_T_score_is_at_or_below_minus_2(double score, Priority priority)
    {
        var finding = History.Of(Woman.Aged(75)).TScore((decimal)score, on: "2015-01-01").Dxa().Finding!;
        Assert.Equal(priority, finding.Priority);
    }

    [Fact]
    public void Task_text_names_the_last_scan_and_the_interval_rule()
    {
        var finding = History.Of(Woman.Aged(75)).TScore(-1.7m, on: "2019-05-01").Dxa().Finding!;
        Assert.Equal("DXA overdue (last DXA 2019-05-01, lowest T-score -1.7, interval 5 years: moderate-osteopenia; due 2024-05-01)", finding.Summary);
        Assert.Equal(RuleIds.OverdueDxa, finding.Rule);
        Assert.Equal(Date("2024-05-01"), finding.DueDate);
    }
}

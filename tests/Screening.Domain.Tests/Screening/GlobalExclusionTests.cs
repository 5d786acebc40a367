using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Screening;

public class GlobalExclusionTests
{
    private static History AnemicWoman(PatientSpec? patient = null)
        => History.Of(patient ?? Woman.Aged(70)).Hb(11.0m, on: DaysAgo(200)).Hb(11.0m, on: DaysAgo(10));

    [Theory]
    [InlineData("deceased")]
    [InlineData("hospice")]
    [InlineData("opted-out")]
    public void A_global_exclusion_excludes_every_rule_with_its_reason(string reason)
    {
        var history = AnemicWoman();
        history = reason switch
        {
            "deceased" => history.Deceased(on: DaysAgo(0)),
            "hospice" => history.InHospice(),
            _ => history.OptedOut(),
        };
        var screening = history.Screen();
        Assert.Equal(RuleIds.Nightly, screening.Outcomes.Select(o => o.Rule));
        Assert.All(screening.Outcomes, o => Assert.Equal((OutcomeKind.Excluded, reason), (o.Kind, o.Reason)));
        Assert.Empty(screening.Findings);
    }

    [Fact]
    public void A_death_after_the_as_of_date_does_not_exist_yet()
    {
        Assert.Equal(OutcomeKind.Met, AnemicWoman().Deceased(on: DaysAgo(-1)).Anemia().Kind);
    }

    [Theory]
    [InlineData(17, "under-18")]
    [InlineData(18, null)]
    public void Children_are_excluded(int age, string? reason)
    {
        var outcome = AnemicWoman(Woman.Aged(age)).Anemia();
        Assert.Equal(reason, outcome.Kind == OutcomeKind.Excluded ? outcome.Reason : null);
    }

    [Fact]
    public void Without_a_birth_date_every_rule_is_excluded_as_unknown_age()
    {
        var screening = AnemicWoman(Person.WithoutBirthDate()).Screen();
        Assert.All(screening.Outcomes, o => Assert.Equal((OutcomeKind.Excluded, "unknown-age"), (o.Kind, o.Reason)));
    }

    [Fact]
    public void Outcomes_come_in_nightly_rule_order_with_the_rule_version()
    {
        var screening = History.Of(Woman.Aged(70)).Hb(11.0m, on: DaysAgo(200)).Hb(11.0m, on: DaysAgo(10))
            .Calcium(8.0m, on: DaysAgo(60)).Calcium(8.0m, on: DaysAgo(10)).Screen();
        Assert.Equal(RuleIds.Nightly, screening.Outcomes.Select(o => o.Rule));
        Assert.Equal(3, screening.Findings.Count());
        Assert.All(screening.Findings, f => Assert.Equal(Seed.Rules.Version, f.RuleVersion));
        Assert.All(screening.Findings, f => Assert.Equal("patient-1", f.PatientId));
        Assert.All(screening.Findings, f => Assert.Equal(Today, f.AsOf));
    }
}

using Screening.Domain.Patients;
using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Anemia;

public class PregnancyTests
{
    private static History Anemic() => History.Of(Woman.Aged(30)).Hb(11.0m, on: DaysAgo(250)).Hb(11.0m, on: DaysAgo(20));

    [Theory]
    [InlineData("O26.89", CodeSystem.Icd10)]
    [InlineData("Z33.1", CodeSystem.Icd10)]
    [InlineData("72892002", CodeSystem.Snomed)]
    public void An_active_pregnancy_suspends_the_rule(string code, CodeSystem system)
    {
        var outcome = Anemic().Diagnosis(code, onset: DaysAgo(60), system: system).Anemia();
        Assert.Equal(OutcomeKind.Suspended, outcome.Kind);
        Assert.Equal("pregnancy", outcome.Reason);
    }

    [Theory]
    [InlineData(42, OutcomeKind.Suspended)]
    [InlineData(43, OutcomeKind.Met)]
    public void The_rule_stays_suspended_42_days_postpartum(int daysSinceDelivery, OutcomeKind kind)
    {
        var outcome = History.Of(Woman.Aged(30)).Hb(11.0m, on: DaysAgo(daysSinceDelivery + 251)).Hb(11.0m, on: DaysAgo(0))
            .Pregnancy(onset: DaysAgo(daysSinceDelivery + 250), abatement: DaysAgo(daysSinceDelivery))
            .Anemia();
        Assert.Equal(kind, outcome.Kind);
    }

    [Fact]
    public void Without_abatement_a_pregnancy_lasts_280_days_plus_42()
    {
        Assert.Equal(OutcomeKind.Suspended, Anemic().Pregnancy(onset: DaysAgo(322)).Anemia().Kind);
        Assert.NotEqual(OutcomeKind.Suspended, Anemic().Pregnancy(onset: DaysAgo(323)).Anemia().Kind);
    }

    [Fact]
    public void Hemoglobin_collected_during_a_pregnancy_is_invisible()
    {
        var outcome = History.Of(Woman.Aged(30))
            .Hb(10.5m, on: DaysAgo(300)).Hb(11.0m, on: DaysAgo(20))
            .Pregnancy(onset: DaysAgo(500), abatement: DaysAgo(290))
            .Anemia();
        Assert.Equal(OutcomeKind.NotMet, outcome.Kind);
        Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }
}

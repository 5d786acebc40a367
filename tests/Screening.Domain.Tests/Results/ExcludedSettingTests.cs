using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Results;

public class ExcludedSettingTests
{
    [Theory]
    [InlineData(EncounterSetting.Inpatient)]
    [InlineData(EncounterSetting.Emergency)]
    [InlineData(EncounterSetting.Dialysis)]
    public void Lows_from_excluded_settings_do_not_count(EncounterSetting setting)
    {
        var outcome = History.Of(Woman.Aged(40)).Hb(9.0m, on: DaysAgo(200), setting: setting).Hb(11.0m, on: DaysAgo(10)).Anemia();
        Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }

    [Fact]
    public void A_normal_inpatient_value_does_not_reset_the_streak()
    {
        var outcome = History.Of(Woman.Aged(40))
            .Hb(11.0m, on: DaysAgo(200)).Hb(13.5m, on: DaysAgo(5), setting: EncounterSetting.Inpatient).Hb(11.0m, on: DaysAgo(10))
            .Anemia();
        Assert.Equal(OutcomeKind.Met, outcome.Kind);
    }

    [Fact]
    public void An_emergency_value_does_not_bridge_a_gap()
    {
        var outcome = History.Of(Woman.Aged(40))
            .Hb(11.0m, on: DaysAgo(500)).Hb(10.0m, on: DaysAgo(300), setting: EncounterSetting.Emergency).Hb(11.0m, on: DaysAgo(100))
            .Anemia();
        Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }

    [Fact]
    public void Excluded_settings_are_invisible_to_hypocalcemia_too()
    {
        var outcome = History.Of(Woman.Aged(40))
            .Calcium(8.0m, on: DaysAgo(60), setting: EncounterSetting.Inpatient).Calcium(8.0m, on: DaysAgo(10))
            .Hypocalcemia();
        Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }
}

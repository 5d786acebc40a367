using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Results;

public class ResultVersionTests
{
    private static History TwoLows() => History.Of(Woman.Aged(40)).Hb(11.0m, on: DaysAgo(200), id: "first").Hb(11.0m, on: DaysAgo(10), id: "last");

    [Fact]
    public void A_correction_replaces_the_earlier_value()
    {
        var outcome = TwoLows().Version("first", sequence: 2, ResultStatus.Corrected, value: 12.6m).Anemia();
        Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }

    [Fact]
    public void An_amended_value_counts()
    {
        var outcome = History.Of(Woman.Aged(40)).Hb(12.6m, on: DaysAgo(200), id: "first").Hb(11.0m, on: DaysAgo(10))
            .Version("first", sequence: 2, ResultStatus.Amended, value: 11.2m).Anemia();
        Assert.Equal(OutcomeKind.Met, outcome.Kind);
        Assert.Equal(11.0m, outcome.Finding!.Lowest!.Value);
    }

    [Fact]
    public void Entered_in_error_retracts_the_result()
    {
        var outcome = TwoLows().Version("first", sequence: 2, ResultStatus.EnteredInError).Anemia();
        Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }

    [Fact]
    public void A_later_version_revives_a_retracted_result()
    {
        var outcome = TwoLows().Version("first", 2, ResultStatus.EnteredInError).Version("first", 3, ResultStatus.Final).Anemia();
        Assert.Equal(OutcomeKind.Met, outcome.Kind);
    }

    [Fact]
    public void The_highest_sequence_wins_whatever_the_arrival_order()
    {
        var history = TwoLows().Version("first", 3, ResultStatus.Final).Version("first", 2, ResultStatus.EnteredInError);
        Assert.Equal(OutcomeKind.Met, history.Anemia().Kind);
    }

    [Theory]
    [InlineData(ResultStatus.Preliminary)]
    [InlineData(ResultStatus.Cancelled)]
    [InlineData(ResultStatus.Registered)]
    [InlineData(ResultStatus.Unknown)]
    public void A_last_version_that_is_not_final_does_not_count(ResultStatus status)
    {
        var outcome = TwoLows().Version("first", 2, status).Anemia();
        Assert.Equal(OutcomeReasons.TooFewLows, outcome.Reason);
    }

    [Fact]
    public void Identity_includes_the_source_system()
    {
        var history = History.Of(Woman.Aged(40))
            .Result("718-7", 11.0m, "g/dL", DaysAgo(200), id: "1", source: "lab-a")
            .Result("718-7", 11.0m, "g/dL", DaysAgo(10), id: "1", source: "lab-b");
        Assert.Equal(OutcomeKind.Met, history.Anemia().Kind);
    }

    [Fact]
    public void Facts_dated_after_as_of_do_not_exist()
    {
        var history = TwoLows().Hb(12.8m, on: DaysAgo(-5));
        Assert.Equal(OutcomeKind.Met, history.Anemia().Kind);
        Assert.Equal(OutcomeReasons.NormalValue, history.Anemia(asOf: Today.AddDays(5)).Reason);
    }
}

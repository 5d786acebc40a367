using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Anemia;

public class AnemiaTaskTests
{
    [Fact]
    public void Task_text_names_the_severity_and_the_lowest_value()
    {
        var finding = History.Of(Woman.Aged(40)).Hb(10.2m, on: "2025-03-01").Hb(11.4m, on: "2024-08-01").Anemia().Finding!;
        Assert.Equal("Persistent anemia ≥ 6 months (moderate; lowest Hb 10.2 g/dL on 2025-03-01)", finding.Summary);
        Assert.Equal(Priority.High, finding.Priority);
    }

    [Theory]
    [InlineData(11.0, 40, "mild", Priority.Normal)]
    [InlineData(10.9, 40, "moderate", Priority.High)]
    [InlineData(8.0, 40, "moderate", Priority.High)]
    [InlineData(7.9, 40, "severe", Priority.High)]
    [InlineData(11.5, 64, "mild", Priority.Normal)]
    [InlineData(11.5, 65, "mild", Priority.High)]
    public void WHO_2011_severity_and_priority(double lowest, int age, string severity, Priority priority)
    {
        var finding = History.Of(Woman.Aged(age)).Hb((decimal)lowest, on: DaysAgo(200)).Hb(11.8m, on: DaysAgo(10)).Anemia().Finding!;
        Assert.Equal(severity, finding.Details["severity"]);
        Assert.Equal(priority, finding.Priority);
    }

    [Fact]
    public void Evidence_is_the_lows_of_the_current_streak_only()
    {
        var finding = History.Of(Man.Aged(40))
            .Hb(12.0m, on: DaysAgo(700), id: "old").Hb(13.5m, on: DaysAgo(600), id: "normal")
            .Hb(12.1m, on: DaysAgo(300), id: "a").Hb(12.2m, on: DaysAgo(100), id: "b")
            .Anemia().Finding!;
        Assert.Equal(["a", "b"], finding.Evidence.Select(e => e.ResultId));
        Assert.Equal(Date(DaysAgo(300)), finding.Since);
    }

    [Fact]
    public void Program_policy_DXA_suggestion_is_labelled_and_only_from_50()
    {
        var older = History.Of(Woman.Aged(55)).Hb(11.0m, on: DaysAgo(200)).Hb(11.0m, on: DaysAgo(10)).Anemia().Finding!;
        var younger = History.Of(Woman.Aged(45)).Hb(11.0m, on: DaysAgo(200)).Hb(11.0m, on: DaysAgo(10)).Anemia().Finding!;
        Assert.Contains(older.SuggestedWorkup, w => w.Contains("program policy, not guideline"));
        Assert.DoesNotContain(younger.SuggestedWorkup, w => w.Contains("program policy"));
        Assert.Contains(younger.SuggestedWorkup, w => w.Contains("Ferritin"));
    }

    [Fact]
    public void No_program_policy_suggestion_after_a_recent_DXA()
    {
        var finding = History.Of(Woman.Aged(55)).Hb(11.0m, on: DaysAgo(200)).Hb(11.0m, on: DaysAgo(10)).DxaScan(on: DaysAgo(300))
            .Anemia().Finding!;
        Assert.DoesNotContain(finding.SuggestedWorkup, w => w.Contains("program policy"));
    }
}

using Screening.Domain.Outreach;
using Screening.Domain.Screening;

namespace Screening.Domain.Tests.Outreach;

public sealed class OutreachReconciliationTests
{
    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private static readonly HashSet<string> NoneRetracted = [];

    private static RuleOutcome Met() => new(RuleIds.PersistentAnemia, OutcomeKind.Met, Finding: new Finding("1", RuleIds.PersistentAnemia, AsOf,
        AsOf.AddDays(-200), null, [new EvidenceItem("lab", "R1", "718-7", 11.0m, "g/dL", AsOf.AddDays(-200))], Priority.Normal, "v1", "text",
        [], new Dictionary<string, string>(), new Dictionary<string, string>()));

    private static OpenTask Task(string key = "K1", OpenTaskState state = OpenTaskState.Open, DateOnly? snoozedUntil = null) =>
        new(7, state, key, ["R1"], snoozedUntil);

    [Fact]
    public void A_new_finding_opens_a_task() =>
        Assert.Equal(TaskAction.Open, OutreachReconciliation.Decide(null, Met(), "K1", NoneRetracted, AsOf).Action);

    [Fact]
    public void The_same_evidence_on_an_open_task_changes_nothing() =>
        Assert.Equal(TaskAction.None, OutreachReconciliation.Decide(Task(), Met(), "K1", NoneRetracted, AsOf).Action);

    [Fact]
    public void New_evidence_updates_the_open_task_in_place() =>
        Assert.Equal(TaskAction.Update, OutreachReconciliation.Decide(Task(), Met(), "K2", NoneRetracted, AsOf).Action);

    [Theory]
    [InlineData(-1, TaskAction.Reopen)]
    [InlineData(0, TaskAction.Reopen)]
    [InlineData(1, TaskAction.None)]
    public void A_snoozed_task_returns_to_the_worklist_when_the_snooze_ends_and_the_finding_still_holds(int daysUntilWake, TaskAction expected)
    {
        var snoozed = Task(state: OpenTaskState.Snoozed, snoozedUntil: AsOf.AddDays(daysUntilWake));
        Assert.Equal(expected, OutreachReconciliation.Decide(snoozed, Met(), "K1", NoneRetracted, AsOf).Action);
    }

    [Fact]
    public void A_finding_that_no_longer_holds_closes_the_task_as_resolved()
    {
        var decision = OutreachReconciliation.Decide(Task(), new RuleOutcome(RuleIds.PersistentAnemia, OutcomeKind.NotMet, "normal-value"), null, NoneRetracted, AsOf);
        Assert.Equal((TaskAction.Close, "resolved"), (decision.Action, decision.CloseReason));
    }

    [Theory]
    [InlineData("deceased")]
    [InlineData("hospice")]
    [InlineData("opted-out")]
    [InlineData("under-18")]
    public void An_excluded_patient_has_the_task_closed_with_the_exclusion_as_reason(string reason)
    {
        var decision = OutreachReconciliation.Decide(Task(), new RuleOutcome(RuleIds.PersistentAnemia, OutcomeKind.Excluded, reason), null, NoneRetracted, AsOf);
        Assert.Equal((TaskAction.Close, reason), (decision.Action, decision.CloseReason));
    }

    [Fact]
    public void A_task_whose_evidence_was_retracted_closes_as_evidence_retracted()
    {
        var decision = OutreachReconciliation.Decide(Task(), new RuleOutcome(RuleIds.PersistentAnemia, OutcomeKind.NotMet), null, new HashSet<string> { "R1" }, AsOf);
        Assert.Equal((TaskAction.Close, "evidence-retracted"), (decision.Action, decision.CloseReason));
    }

    [Theory]
    [InlineData(179, TaskAction.None)]
    [InlineData(180, TaskAction.Open)]
    public void A_finding_the_care_team_already_worked_stays_quiet_until_the_quiet_period_ends(int daysSinceClosed, TaskAction expected)
    {
        var worked = new WorkedTask("K1", AsOf.AddDays(-daysSinceClosed));
        Assert.Equal(expected, OutreachReconciliation.Decide(null, Met(), "K1", NoneRetracted, AsOf, worked, quietDays: 180).Action);
    }

    [Fact]
    public void New_evidence_after_a_worked_task_opens_a_new_task_at_once()
    {
        var worked = new WorkedTask("K1", AsOf.AddDays(-3));
        Assert.Equal(TaskAction.Open, OutreachReconciliation.Decide(null, Met(), "K2", NoneRetracted, AsOf, worked, quietDays: 180).Action);
    }
}

using Screening.Domain.Screening;

namespace Screening.Domain.Outreach;

/// <summary>
/// Reconciles one rule outcome with the patient's open task (clinical-rules §9.1 "Task uniqueness", "Snooze",
/// "Retraction"): open for a new finding, update evidence in place, reopen after an expired snooze, close when the
/// finding no longer holds — with the exclusion reason, or <c>evidence-retracted</c> when the task's evidence was
/// retracted, else <c>resolved</c>. A finding a care team already worked (completed or dismissed) with the same
/// evidence stays quiet for <c>quietDays</c>; new evidence opens a task at once. Pure: the evidence key is computed
/// by the caller from the finding.
/// </summary>
public static class OutreachReconciliation
{
    public const string Resolved = "resolved";
    public const string EvidenceRetracted = "evidence-retracted";

    public static TaskDecision Decide(
        OpenTask? task, RuleOutcome outcome, string? findingEvidenceKey,
        IReadOnlySet<string> retractedResultIds, DateOnly asOf, WorkedTask? lastWorked = null, int quietDays = 0)
        => Decide(task, outcome.Kind, outcome.Reason, outcome.Finding is null ? null : findingEvidenceKey,
            retractedResultIds, asOf, lastWorked, quietDays);

    /// <summary>
    /// The same decision from an outcome as stored (kind, reason and the finding's evidence key, null when there is no
    /// finding), so a stored outcome reconciles without rebuilding its finding.
    /// </summary>
    public static TaskDecision Decide(
        OpenTask? task, OutcomeKind kind, string? reason, string? findingEvidenceKey,
        IReadOnlySet<string> retractedResultIds, DateOnly asOf, WorkedTask? lastWorked = null, int quietDays = 0)
    {
        if (findingEvidenceKey is not null)
        {
            if (task is null)
                return lastWorked is not null && lastWorked.EvidenceKey == findingEvidenceKey && asOf < lastWorked.ClosedOn.AddDays(quietDays)
                    ? TaskDecision.Nothing
                    : new TaskDecision(TaskAction.Open);
            if (task.State == OpenTaskState.Snoozed && task.SnoozedUntil is { } until && until <= asOf)
                return new TaskDecision(TaskAction.Reopen);
            return task.EvidenceKey == findingEvidenceKey ? TaskDecision.Nothing : new TaskDecision(TaskAction.Update);
        }

        if (task is null) return TaskDecision.Nothing;
        if (kind is OutcomeKind.Excluded or OutcomeKind.Suspended)
            return new TaskDecision(TaskAction.Close, reason ?? Resolved);
        var retracted = task.EvidenceResultIds.Count > 0 && task.EvidenceResultIds.Any(retractedResultIds.Contains);
        return new TaskDecision(TaskAction.Close, retracted ? EvidenceRetracted : Resolved);
    }
}

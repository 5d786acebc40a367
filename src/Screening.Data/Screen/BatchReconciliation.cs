using Screening.Data.Outreach;
using Screening.Domain.Outreach;
using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Data.Platform;
using Screening.Domain.Codes;

namespace Screening.Data.Screen;

/// <summary>
/// The task changes one page of screened patients asks for, decided by the pure reconciliation. Opens, updates and
/// reopens name a patient and rule (or a task) only: the task's content is copied from the stored state
/// (<c>patient_condition</c>) by <see cref="TaskStore"/>, so a reused outcome never has its finding rebuilt.
/// </summary>
internal sealed class BatchReconciliation
{
    public List<(long PatientKey, string Rule)> Open { get; } = [];
    public List<long> Update { get; } = [];
    public List<long> Reopen { get; } = [];
    public List<(long, string)> Close { get; } = [];

    /// <summary>One decided change for one patient and rule.</summary>
    public readonly record struct Change(TaskAction Action, long PatientKey, string Rule, long TaskId, string? CloseReason);

    public void Add(List<Change>? changes)
    {
        if (changes is null) return;
        foreach (var c in changes)
            switch (c.Action)
            {
                case TaskAction.Open: Open.Add((c.PatientKey, c.Rule)); break;
                case TaskAction.Update: Update.Add(c.TaskId); break;
                case TaskAction.Reopen: Reopen.Add(c.TaskId); break;
                case TaskAction.Close: Close.Add((c.TaskId, c.CloseReason!)); break;
            }
    }

    /// <summary>The changes for a re-evaluated patient (null: none). Pure and thread-safe.</summary>
    public static List<Change>? Decide(long patientKey, PatientRecord record, PatientScreening screening,
        IReadOnlyDictionary<(long, string), OpenTaskRow> openTasks, DateOnly asOf, int quietDays)
    {
        List<Change>? changes = null;
        HashSet<string>? retracted = null;
        foreach (var outcome in screening.Outcomes)
        {
            var evidenceKey = outcome.Finding is null ? null : FindingStorage.EvidenceKey(outcome.Finding);
            var change = DecideOne(patientKey, outcome.Rule, outcome.Kind, outcome.Reason, evidenceKey, openTasks, asOf, quietDays,
                () => retracted ??= record.Results.Where(r => r.Status == ResultStatus.EnteredInError).Select(r => r.ResultId).ToHashSet());
            if (change is { } c) (changes ??= []).Add(c);
        }
        return changes;
    }

    /// <summary>The changes for a patient whose stored outcome still holds (none of their results is retracted).</summary>
    public static List<Change>? Decide(long patientKey, StoredOutcome[] outcomes,
        IReadOnlyDictionary<(long, string), OpenTaskRow> openTasks, DateOnly asOf, int quietDays)
    {
        List<Change>? changes = null;
        foreach (var o in outcomes)
            if (DecideOne(patientKey, o.Rule, o.Kind, o.Reason, o.Kind == OutcomeKind.Met ? o.EvidenceKey : null, openTasks, asOf, quietDays,
                    static () => NoRetractions) is { } c)
                (changes ??= []).Add(c);
        return changes;
    }

    private static readonly HashSet<string> NoRetractions = [];

    private static Change? DecideOne(long patientKey, string rule, OutcomeKind kind, string? reason, string? evidenceKey,
        IReadOnlyDictionary<(long, string), OpenTaskRow> openTasks, DateOnly asOf, int quietDays, Func<IReadOnlySet<string>> retracted)
    {
        openTasks.TryGetValue((patientKey, rule), out var row);
        WorkedTask? worked = null;
        if (row is { IsWorked: true })
        {
            worked = new WorkedTask(row.EvidenceKey, row.ClosedOn ?? DateOnly.MinValue);
            row = null;
        }
        if (row is null && evidenceKey is null) return null;
        var task = row is null ? null : new OpenTask(row.Id, State(row.Status), row.EvidenceKey, row.EvidenceResultIds, row.SnoozedUntil);
        var decision = OutreachReconciliation.Decide(task, kind, reason, evidenceKey, row is null ? NoRetractions : retracted(), asOf, worked, quietDays);
        return decision.Action switch
        {
            TaskAction.Open => new Change(TaskAction.Open, patientKey, rule, 0, null),
            TaskAction.Update or TaskAction.Reopen => new Change(decision.Action, patientKey, rule, row!.Id, null),
            TaskAction.Close => new Change(TaskAction.Close, patientKey, rule, row!.Id, decision.CloseReason),
            _ => null,
        };
    }

    private static OpenTaskState State(string status) => status switch
    {
        TaskStatuses.InProgress => OpenTaskState.InProgress,
        TaskStatuses.Snoozed => OpenTaskState.Snoozed,
        _ => OpenTaskState.Open,
    };
}

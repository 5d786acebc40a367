using Screening.Data.Outreach;
using Screening.Domain.Outreach;
using Screening.Domain.Results;
using Screening.Domain.Screening;

namespace Screening.Data.Screening;

/// <summary>The task changes one batch of screened patients asks for, decided by the pure reconciliation.</summary>
internal sealed class BatchReconciliation
{
    public List<TaskContent> Open { get; } = [];
    public List<(long, TaskContent)> Update { get; } = [];
    public List<(long, TaskContent)> Reopen { get; } = [];
    public List<(long, string)> Close { get; } = [];

    /// <summary>One decided change for one patient and rule.</summary>
    public readonly record struct Change(TaskAction Action, long TaskId, TaskContent? Content, string? CloseReason);

    public void Add(List<Change>? changes)
    {
        if (changes is null) return;
        foreach (var c in changes)
            switch (c.Action)
            {
                case TaskAction.Open: Open.Add(c.Content!); break;
                case TaskAction.Update: Update.Add((c.TaskId, c.Content!)); break;
                case TaskAction.Reopen: Reopen.Add((c.TaskId, c.Content!)); break;
                case TaskAction.Close: Close.Add((c.TaskId, c.CloseReason!)); break;
            }
    }

    /// <summary>
    /// The changes for one patient (null: none). Pure and thread-safe, so a batch decides in parallel. Only the evidence
    /// key is computed to decide; the finding is serialised only for a task that is opened, updated or reopened, so a
    /// screen that changes nothing serialises nothing.
    /// </summary>
    public static List<Change>? Decide(long patientKey, PatientRecord record, PatientScreening screening,
        IReadOnlyDictionary<(long, string), OpenTaskRow> openTasks, DateOnly asOf, int quietDays)
    {
        List<Change>? changes = null;
        HashSet<string>? retracted = null;
        foreach (var outcome in screening.Outcomes)
        {
            openTasks.TryGetValue((patientKey, outcome.Rule), out var row);
            WorkedTask? worked = null;
            if (row is { IsWorked: true })
            {
                worked = new WorkedTask(row.EvidenceKey, row.ClosedOn ?? DateOnly.MinValue);
                row = null;
            }
            if (row is null && outcome.Finding is null) continue;
            var evidenceKey = outcome.Finding is null ? null : FindingStorage.EvidenceKey(outcome.Finding);
            retracted ??= record.Results.Where(r => r.Status == ResultStatus.EnteredInError).Select(r => r.ResultId).ToHashSet();
            var task = row is null ? null : new OpenTask(row.Id, State(row.Status), row.EvidenceKey, row.EvidenceResultIds, row.SnoozedUntil);
            var decision = OutreachReconciliation.Decide(task, outcome, evidenceKey, retracted, asOf, worked, quietDays);
            TaskContent Content() => FindingStorage.ToTask(patientKey, record.Patient.CareTeam ?? "unassigned", outcome.Finding!, evidenceKey!);
            Change? change = decision.Action switch
            {
                TaskAction.Open => new Change(TaskAction.Open, 0, Content(), null),
                TaskAction.Update => new Change(TaskAction.Update, row!.Id, Content(), null),
                TaskAction.Reopen => new Change(TaskAction.Reopen, row!.Id, Content(), null),
                TaskAction.Close => new Change(TaskAction.Close, row!.Id, null, decision.CloseReason),
                _ => null,
            };
            if (change is { } c) (changes ??= []).Add(c);
        }
        return changes;
    }

    private static OpenTaskState State(string status) => status switch
    {
        "in-progress" => OpenTaskState.InProgress,
        "snoozed" => OpenTaskState.Snoozed,
        _ => OpenTaskState.Open,
    };
}

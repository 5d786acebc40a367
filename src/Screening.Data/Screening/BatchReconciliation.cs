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

    public void Add(long patientKey, PatientRecord record, PatientScreening screening,
        IReadOnlyDictionary<(long, string), OpenTaskRow> openTasks, DateOnly asOf)
    {
        HashSet<string>? retracted = null;
        foreach (var outcome in screening.Outcomes)
        {
            openTasks.TryGetValue((patientKey, outcome.Rule), out var row);
            var content = outcome.Finding is null ? null
                : FindingStorage.ToTask(patientKey, record.Patient.CareTeam ?? "unassigned", outcome.Finding);
            if (row is null && content is null) continue;
            retracted ??= record.Results.Where(r => r.Status == ResultStatus.EnteredInError).Select(r => r.ResultId).ToHashSet();
            var task = row is null ? null : new OpenTask(row.Id, State(row.Status), row.EvidenceKey, row.EvidenceResultIds, row.SnoozedUntil);
            var decision = OutreachReconciliation.Decide(task, outcome, content?.EvidenceKey, retracted, asOf);
            switch (decision.Action)
            {
                case TaskAction.Open: Open.Add(content!); break;
                case TaskAction.Update: Update.Add((row!.Id, content!)); break;
                case TaskAction.Reopen: Reopen.Add((row!.Id, content!)); break;
                case TaskAction.Close: Close.Add((row!.Id, decision.CloseReason!)); break;
            }
        }
    }

    private static OpenTaskState State(string status) => status switch
    {
        "in-progress" => OpenTaskState.InProgress,
        "snoozed" => OpenTaskState.Snoozed,
        _ => OpenTaskState.Open,
    };
}

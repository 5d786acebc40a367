using Screening.Data.Platform;
using Screening.Domain.Codes;
namespace Screening.Data.Outreach;

/// <summary>
/// A task as loaded for reconciliation: the open one, or else the last one a care team worked (completed or
/// dismissed, with <see cref="ClosedOn"/>).
/// </summary>
public sealed record OpenTaskRow(long Id, long PatientKey, string RuleId, string Status, string EvidenceKey,
    DateOnly? SnoozedUntil, string[] EvidenceResultIds, DateOnly? ClosedOn = null)
{
    public bool IsWorked => TaskStatuses.IsWorked(Status);
}

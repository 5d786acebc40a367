namespace Screening.Domain.Outreach;

/// <summary>The open (open, in-progress or snoozed) outreach task of one patient for one rule, as the screen sees it.</summary>
public sealed record OpenTask(
    long TaskId,
    OpenTaskState State,
    string EvidenceKey,
    IReadOnlyCollection<string> EvidenceResultIds,
    DateOnly? SnoozedUntil = null);

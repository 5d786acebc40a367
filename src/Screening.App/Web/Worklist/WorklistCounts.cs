namespace Screening.App.Web.Worklist;

/// <summary>Counts shown above the worklist, for the current filter (ignoring paging).</summary>
public sealed record WorklistCounts(long Total, long Open, long InProgress, long Snoozed, long HighOrUrgent, long Overdue);

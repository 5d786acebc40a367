namespace Screening.App.Web.Worklist;

/// <summary>One task on the worklist, with the demographics needed to work it (no names, no external ids).</summary>
public sealed record WorklistRow(long TaskId, long PatientKey, string Rule, string Status, string Priority, string CareTeam,
    DateOnly? Since, DateOnly? DueDate, DateTimeOffset OpenedAt, DateOnly? SnoozedUntil, string Summary, string Sex, int? Age,
    int PriorityRank);

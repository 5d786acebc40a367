namespace Screening.Data.Model;

/// <summary>Row of <c>outreach_task</c>. Open states: open, in-progress, snoozed (one per patient and rule).</summary>
public sealed class OutreachTask
{
    public long Id { get; set; }
    public long PatientKey { get; set; }
    public required string RuleId { get; set; }
    public required string Status { get; set; }
    public required string Priority { get; set; }
    public required string CareTeam { get; set; }
    public DateOnly? Since { get; set; }
    public DateOnly? DueDate { get; set; }
    public required string Summary { get; set; }
    public required string Finding { get; set; }
    public required string EvidenceKey { get; set; }
    public required string RuleVersion { get; set; }
    public DateTimeOffset OpenedAt { get; set; }
    public long? OpenedRunId { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateOnly? SnoozedUntil { get; set; }
    public DateTimeOffset? ClosedAt { get; set; }
    public string? CloseReason { get; set; }
    public string? Outcome { get; set; }
    public uint RowVersion { get; set; }
}

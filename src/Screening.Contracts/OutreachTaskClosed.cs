namespace Screening.Contracts;

/// <summary>An outreach task was closed (resolved, excluded, retracted evidence, completed or dismissed).</summary>
public sealed record OutreachTaskClosed
{
    public required long EventId { get; init; }
    public required long TaskId { get; init; }
    public required long PatientKey { get; init; }
    public required string Rule { get; init; }
    public required string CareTeam { get; init; }
    /// <summary>e.g. resolved, deceased, hospice, opted-out, under-18, evidence-retracted, completed, dismissed.</summary>
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

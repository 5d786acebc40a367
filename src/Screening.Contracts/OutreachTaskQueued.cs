namespace Screening.Contracts;

/// <summary>
/// An outreach task was opened (or re-opened) for a care team. Published from the task outbox after commit;
/// <see cref="EventId"/> is stable across re-sends so consumers can dedupe. Carries internal ids only, no PHI.
/// </summary>
public sealed record OutreachTaskQueued
{
    public required long EventId { get; init; }
    public required long TaskId { get; init; }
    public required long PatientKey { get; init; }
    public required string Rule { get; init; }
    public required string CareTeam { get; init; }
    public required string Priority { get; init; }
    public DateOnly? Since { get; init; }
    public DateOnly? DueDate { get; init; }
    public required string RuleVersion { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

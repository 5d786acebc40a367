namespace Screening.Contracts;

/// <summary>
/// An open outreach task moved to another care team: by hand (a reassign), or with its patient when attribution changed
/// (a rule, a panel, a coordinator's assignment, a disabled team). <see cref="Reason"/> is the patient's attribution
/// reason (e.g. <c>pcp:1234567893</c>, <c>manual:coord.ann</c>) or <c>task-reassigned</c>. Internal ids only, no PHI.
/// </summary>
public sealed record OutreachTaskReassigned
{
    public required long EventId { get; init; }
    public required long TaskId { get; init; }
    public required long PatientKey { get; init; }
    public required string Rule { get; init; }
    public required string FromTeam { get; init; }
    public required string CareTeam { get; init; }
    public required string Reason { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

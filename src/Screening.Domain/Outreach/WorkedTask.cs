namespace Screening.Domain.Outreach;

/// <summary>The last task a care team completed or dismissed for one patient and rule: the evidence it was about and when.</summary>
public sealed record WorkedTask(string EvidenceKey, DateOnly ClosedOn);

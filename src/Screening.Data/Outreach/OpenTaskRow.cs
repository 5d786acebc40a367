namespace Screening.Data.Outreach;

/// <summary>An open task as loaded for reconciliation.</summary>
public sealed record OpenTaskRow(long Id, long PatientKey, string RuleId, string Status, string EvidenceKey,
    DateOnly? SnoozedUntil, string[] EvidenceResultIds);

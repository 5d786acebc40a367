using Screening.Data.Platform;
namespace Screening.Data.Outreach;

/// <summary>A finding to write onto a task (open, update or reopen), already serialised for storage.</summary>
public sealed record TaskContent(
    long PatientKey,
    string RuleId,
    string Priority,
    string CareTeam,
    DateOnly? Since,
    DateOnly? DueDate,
    string Summary,
    string FindingJson,
    string EvidenceKey,
    string RuleVersion);

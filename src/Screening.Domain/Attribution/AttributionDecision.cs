namespace Screening.Domain.Attribution;

/// <summary>
/// The team a patient belongs to and why, as a short code stored with the patient: <c>panel:NAME</c>,
/// <c>source:TEAM</c>, <c>pcp:ID</c>, <c>location:X</c>, <c>organization:X</c>, <c>payer:X</c>, <c>manual:USER</c>;
/// or, on the unassigned queue, <c>unknown-team:NAME</c> (the source declared a team that does not exist or is
/// disabled) or <c>no-rule-matched</c>. Reasons carry no patient identifier (panel names the panel, not the MRN).
/// </summary>
public sealed record AttributionDecision(string Team, string Reason)
{
    public bool IsUnassigned => Team == CareTeamAttribution.Unassigned;
}

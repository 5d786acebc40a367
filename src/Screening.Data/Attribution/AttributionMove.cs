using Screening.Data.Platform;
namespace Screening.Data.Attribution;

/// <summary>One patient moved to a team: from where, why, and how many open tasks went along.</summary>
public sealed record AttributionMove(long PatientKey, string FromTeam, string ToTeam, string Reason, int TasksMoved);

using Screening.Data.Platform;
namespace Screening.Data.Outreach;

/// <summary>The detail of a <c>reassigned</c> task event (announced as OutreachTaskReassigned): from which team to which, and why.</summary>
public sealed record TaskReassignedDetail(string? From, string? To, string? Reason);

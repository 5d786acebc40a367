using Screening.Data.Platform;
namespace Screening.Data.Attribution;

/// <summary>An unassigned patient on the coordinators' queue (internal key, no PHI).</summary>
public sealed record QueueRow(long PatientKey, string SourceSystem, string? Reason, int OpenTasks, bool Urgent, DateTimeOffset Since);

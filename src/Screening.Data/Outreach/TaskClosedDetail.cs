using Screening.Data.Platform;
namespace Screening.Data.Outreach;

/// <summary>The detail of a <c>closed</c> task event (announced as OutreachTaskClosed): why the task was closed.</summary>
public sealed record TaskClosedDetail(string Reason);

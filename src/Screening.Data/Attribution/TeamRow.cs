using Screening.Data.Platform;
namespace Screening.Data.Attribution;

/// <summary>A care team with how many patients and open tasks it holds.</summary>
public sealed record TeamRow(string Id, string DisplayName, bool Active, long Patients, long OpenTasks);

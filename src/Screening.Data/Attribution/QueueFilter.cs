using Screening.Data.Platform;
namespace Screening.Data.Attribution;

/// <summary>
/// Which unassigned patients: by the source system that sent them, by the reason they are unassigned (exact, or a
/// prefix ending in ':' such as <c>unknown-team:</c>), and/or only those with an open task of a rule.
/// </summary>
public sealed record QueueFilter(string? Source = null, string? Reason = null, string? Rule = null)
{
    public bool IsEmpty => Source is null && Reason is null && Rule is null;

    public override string ToString() =>
        string.Join(" ", new[] { Source is null ? null : $"source={Source}", Reason is null ? null : $"reason={Reason}", Rule is null ? null : $"rule={Rule}" }
            .Where(s => s is not null));
}

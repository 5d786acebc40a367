using Screening.Interop.Mapping;

namespace Screening.Interop.FileMode;

/// <summary>
/// A database-free screen: read <see cref="Path"/> (file or directory) as <see cref="Format"/> (null = detect),
/// evaluate the rules on <see cref="AsOf"/>. <see cref="ReceivedAt"/> is "now" for the future-date check (the CLI
/// passes the current time). <see cref="Codes"/> maps local codes (seeds/local-codes.json).
/// </summary>
public sealed record FileScreenRequest(string Path, InputFormat? Format, DateOnly AsOf, DateTimeOffset ReceivedAt)
{
    public LocalCodeMap Codes { get; init; } = LocalCodeMap.Empty;

    /// <summary>Default systems of bare ids and the assigning-authority policy: the same as the worker's (Identity settings).</summary>
    public Identity.IdentitySettings Identity { get; init; } = Interop.Identity.IdentitySettings.Default;

    /// <summary>Units (facts + rejects + ignored) per batch when streaming large files.</summary>
    public int BatchSize { get; init; } = 5000;
}

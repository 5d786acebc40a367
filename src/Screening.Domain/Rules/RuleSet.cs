namespace Screening.Domain.Rules;

/// <summary>
/// The active, versioned rule parameters (clinical-rules §9). Built only by <see cref="RuleFile.Parse"/>.
/// STUB: the rules issue replaces this with the full parameter set.
/// </summary>
public sealed class RuleSet
{
    public required string Version { get; init; }
}

namespace Screening.Domain.Measures;

/// <summary>The <c>measures</c> section of the rule file: the HEDIS overlays and how the rules count as measures.</summary>
public sealed class MeasureParameters
{
    public required OswParameters Osw { get; init; }
    public required OmwParameters Omw { get; init; }
    /// <summary>
    /// Rule outcome reasons that put a patient outside a rule measure's denominator (e.g. <c>under-18</c>,
    /// <c>not-eligible</c>); every other Excluded/Suspended outcome is an exclusion, Met is the numerator.
    /// </summary>
    public required IReadOnlySet<string> OutsideDenominatorReasons { get; init; }
}

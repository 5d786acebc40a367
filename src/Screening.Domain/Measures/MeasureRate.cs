namespace Screening.Domain.Measures;

/// <summary>
/// One measure for one team (or <see cref="MeasureTally.Overall"/>) on one as-of date. HEDIS arithmetic: the rate is
/// numerator / (denominator − exclusions), null when nothing is left.
/// </summary>
public sealed record MeasureRate(DateOnly AsOf, string Measure, string Team, int Denominator, int Exclusions, int Numerator)
{
    public int Eligible => Denominator - Exclusions;

    public decimal? Rate => Eligible > 0 ? Math.Round((decimal)Numerator / Eligible, 4) : null;
}

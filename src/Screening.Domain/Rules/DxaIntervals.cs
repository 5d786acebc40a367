namespace Screening.Domain.Rules;

/// <summary>DXA re-screen intervals (clinical-rules §9.4 interval rows and clarifications, §9.4b).</summary>
public sealed class DxaIntervals
{
    /// <summary>T &gt; −1.50 → 10 y; −1.50…−1.99 → 5 y (3 y at ≥ 80); −2.00…−2.49 → 2 y; ≤ −2.5 → 2 y (Gourlay 2012; BHOF).</summary>
    public required IReadOnlyList<DxaIntervalBand> Bands { get; init; }
    /// <summary>Age (on as-of) from which a band's older-age interval applies: 80 (Gourlay Table 3, §5.2).</summary>
    public required int OlderAgeYears { get; init; }
    /// <summary>A scan without any T-score: 2 years (§9.4 clarifications).</summary>
    public required int NoTScoreMonths { get; init; }
    /// <summary>Secondary-risk flag present: 2 years regardless of T-score (Medicare medical-necessity categories, §9.4).</summary>
    public required int SecondaryRiskMonths { get; init; }
    /// <summary>Never less than 23 months after the last DXA (Medicare frequency rule, §5.3, §9.4).</summary>
    public required int MinimumMonths { get; init; }
}

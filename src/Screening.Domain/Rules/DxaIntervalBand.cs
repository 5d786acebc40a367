using Screening.Domain.Units;

namespace Screening.Domain.Rules;

/// <summary>
/// One row of the DXA re-screen table (Gourlay 2012, clinical-rules §5.2, §9.4): applies when the T-score is
/// above <see cref="TScoreAbove"/> (null: any lower score). Bands are contiguous: −1.495 is above −1.50.
/// <see cref="OlderAgeMonths"/> replaces <see cref="Months"/> from the table's older-age threshold (age ≥ 80 → 3 y).
/// </summary>
public sealed record DxaIntervalBand(string Name, TScore? TScoreAbove, int Months, int? OlderAgeMonths = null)
{
    public bool Contains(TScore score) => TScoreAbove is not { } above || score > above;
}

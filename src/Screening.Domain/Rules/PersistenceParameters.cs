namespace Screening.Domain.Rules;

/// <summary>
/// Streak rules shared by the persistence findings (clinical-rules §9.1 "Current streak", §9.2, §9.3, §9.4b):
/// at least <see cref="MinCount"/> lows on different days, first→last span ≥ <see cref="MinSpanDays"/>, every gap
/// between consecutive counted days ≤ <see cref="MaxGapDays"/>, latest low ≤ <see cref="RecencyDays"/> before as-of.
/// </summary>
public sealed record PersistenceParameters(int MinCount, int MinSpanDays, int MaxGapDays, int RecencyDays);

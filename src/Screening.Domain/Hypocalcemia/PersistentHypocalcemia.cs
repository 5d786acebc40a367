using Screening.Domain.Persistence;
using Screening.Domain.Screening;

namespace Screening.Domain.Hypocalcemia;

/// <summary>
/// PERSISTENT HYPOCALCEMIA (clinical-rules §9.3, §9.4b): the daily calcium hierarchy, then the current streak with
/// ≥ minCount lows, span ≥ minSpanDays, gaps ≤ maxGapDays, latest low ≤ recencyDays before as-of. Known
/// hypoparathyroidism or ESRD/dialysis is routed elsewhere (Excluded, <c>managed-elsewhere</c>).
/// </summary>
internal static class PersistentHypocalcemia
{
    public static RuleEvaluation Evaluate(Chart chart)
    {
        var parameters = chart.Rules.Hypocalcemia;
        if (chart.HasActive(parameters.ManagedElsewhereCodes))
            return new(new RuleOutcome(RuleIds.PersistentHypocalcemia, OutcomeKind.Excluded, OutcomeReasons.ManagedElsewhere));

        bool? ckd = null;
        var days = CalciumDays.Build(chart, ref ckd, out var skipped);
        var readings = new List<DayReading>(days.Count);
        foreach (var day in days) readings.Add(new DayReading(day.Day, day.IsLow));
        var streak = CurrentStreak.Find(readings, parameters.Persistence, chart.AsOf);
        if (streak.ChangesOn is { } tooOld) chart.MayChangeOn(tooOld);
        if (!streak.Met) return new(new RuleOutcome(RuleIds.PersistentHypocalcemia, OutcomeKind.NotMet, streak.Reason));

        var finding = HypocalcemiaFinding.Build(chart, days, streak, CalciumDays.Ckd(chart, ref ckd), skipped);
        return new(new RuleOutcome(RuleIds.PersistentHypocalcemia, OutcomeKind.Met, Finding: finding), streak.MetOn);
    }
}

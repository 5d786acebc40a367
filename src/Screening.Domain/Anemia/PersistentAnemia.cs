using Screening.Domain.Persistence;
using Screening.Domain.Screening;
using Screening.Domain.Units;

namespace Screening.Domain.Anemia;

/// <summary>
/// PERSISTENT ANEMIA (clinical-rules §9.2, §9.4b): in the current streak at least minCount low Hb days, first→last
/// span ≥ minSpanDays, every gap ≤ maxGapDays, latest low ≤ recencyDays before as-of. Suspended during pregnancy.
/// </summary>
internal static class PersistentAnemia
{
    public static RuleEvaluation Evaluate(Chart chart)
    {
        var parameters = chart.Rules.Anemia;
        if (chart.HasActive(parameters.ManagedElsewhereCodes))
            return new(new RuleOutcome(RuleIds.PersistentAnemia, OutcomeKind.Excluded, OutcomeReasons.ManagedElsewhere));

        var pregnancies = new PregnancyWindows(chart);
        if (!pregnancies.IsEmpty && pregnancies.Contains(chart.AsOf))
        {
            var lastSuspendedDay = pregnancies.LastDayOfWindowsContaining(chart.AsOf); // windows inclusive (§9.4b "Pregnancy")
            if (lastSuspendedDay != DateOnly.MaxValue) chart.MayChangeOn(lastSuspendedDay.AddDays(1));
            return new(new RuleOutcome(RuleIds.PersistentAnemia, OutcomeKind.Suspended, OutcomeReasons.Pregnancy));
        }

        var days = HemoglobinStreak.DailyLowest(chart, pregnancies);
        var streak = CurrentStreak.Find(HemoglobinStreak.Readings(days), parameters.Persistence, chart.AsOf);
        if (streak.ChangesOn is { } tooOld) chart.MayChangeOn(tooOld);
        if (!streak.Met) return new(new RuleOutcome(RuleIds.PersistentAnemia, OutcomeKind.NotMet, streak.Reason));

        var finding = AnemiaFinding.Build(chart, days, streak);
        return new(new RuleOutcome(RuleIds.PersistentAnemia, OutcomeKind.Met, Finding: finding), streak.MetOn);
    }
}

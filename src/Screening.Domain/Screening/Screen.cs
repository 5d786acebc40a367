using Screening.Domain.Anemia;
using Screening.Domain.Dxa;
using Screening.Domain.Hypocalcemia;
using Screening.Domain.Rules;

namespace Screening.Domain.Screening;

/// <summary>Evaluates every rule for one patient on one as-of date. Pure: no clock, no I/O.</summary>
public static class Screen
{
    /// <summary>
    /// One outcome per nightly rule, in the order of <see cref="RuleIds.Nightly"/>: anemia, hypocalcemia, DXA; with the
    /// date until which they hold (<see cref="PatientScreening.StableUntil"/>).
    /// </summary>
    public static PatientScreening Evaluate(PatientRecord record, RuleSet rules, DateOnly asOf)
    {
        var chart = new Chart(record, rules, asOf);
        if (GlobalExclusions.ReasonFor(chart) is { } reason)
        {
            // A global exclusion reads only the patient's facts, so future results, diagnoses and procedures cannot end it.
            return new PatientScreening(record.Patient.PatientId, asOf,
            [
                new RuleOutcome(RuleIds.PersistentAnemia, OutcomeKind.Excluded, reason),
                new RuleOutcome(RuleIds.PersistentHypocalcemia, OutcomeKind.Excluded, reason),
                new RuleOutcome(RuleIds.OverdueDxa, OutcomeKind.Excluded, reason),
            ], chart.TimeChangesOn);
        }

        var anemia = PersistentAnemia.Evaluate(chart);
        var hypocalcemia = PersistentHypocalcemia.Evaluate(chart);
        var dxa = OverdueDxa.Evaluate(chart, anemia, hypocalcemia);
        return new PatientScreening(record.Patient.PatientId, asOf, [anemia.Outcome, hypocalcemia.Outcome, dxa.Outcome],
            Earliest(chart.TimeChangesOn, chart.FutureDataOn));
    }

    private static DateOnly? Earliest(DateOnly? a, DateOnly? b) => a is { } x && (b is not { } y || x <= y) ? a : b;
}

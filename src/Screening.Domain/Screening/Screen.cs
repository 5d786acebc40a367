using Screening.Domain.Anemia;
using Screening.Domain.Dxa;
using Screening.Domain.Hypocalcemia;
using Screening.Domain.Rules;

namespace Screening.Domain.Screening;

/// <summary>Evaluates every rule for one patient on one as-of date. Pure: no clock, no I/O.</summary>
public static class Screen
{
    /// <summary>One outcome per nightly rule, in the order of <see cref="RuleIds.Nightly"/>: anemia, hypocalcemia, DXA.</summary>
    public static PatientScreening Evaluate(PatientRecord record, RuleSet rules, DateOnly asOf)
    {
        var chart = new Chart(record, rules, asOf);
        if (GlobalExclusions.ReasonFor(chart) is { } reason)
        {
            return new PatientScreening(record.Patient.PatientId, asOf,
            [
                new RuleOutcome(RuleIds.PersistentAnemia, OutcomeKind.Excluded, reason),
                new RuleOutcome(RuleIds.PersistentHypocalcemia, OutcomeKind.Excluded, reason),
                new RuleOutcome(RuleIds.OverdueDxa, OutcomeKind.Excluded, reason),
            ]);
        }

        var anemia = PersistentAnemia.Evaluate(chart);
        var hypocalcemia = PersistentHypocalcemia.Evaluate(chart);
        var dxa = OverdueDxa.Evaluate(chart, anemia, hypocalcemia);
        return new PatientScreening(record.Patient.PatientId, asOf, [anemia.Outcome, hypocalcemia.Outcome, dxa.Outcome]);
    }
}

using Screening.Domain.Screening;

namespace Screening.Domain.Dxa;

/// <summary>
/// OVERDUE DXA (clinical-rules §9.4, §9.4b). Due date = max(last scan + interval, eligibility date) in calendar months
/// (end-of-month clamped); never scanned: the eligibility date. Overdue when as-of is past the due date by more than the
/// grace (30 days after a prior scan, 90 never scanned). Only overdue patients get a finding; not-due, due-soon and due
/// are returned as NotMet with the status as reason and the due date. The next status boundary after as-of is noted
/// as a change point; the due date itself moves only with age (≥ 80 band), diagnoses and the other rules' outcomes,
/// which note their own.
/// </summary>
internal static class OverdueDxa
{
    public static RuleEvaluation Evaluate(Chart chart, RuleEvaluation anemia, RuleEvaluation hypocalcemia)
    {
        var parameters = chart.Rules.Dxa;
        if (DxaEligibility.Of(chart, anemia, hypocalcemia) is not { } eligibility)
            return new(new RuleOutcome(RuleIds.OverdueDxa, OutcomeKind.NotMet, OutcomeReasons.NotEligible));

        var latest = chart.Dxa.Latest;
        bool? secondaryRisk = null; // looked up only when it can matter (interval after a scan, finding), see Chart
        bool SecondaryRisk() => secondaryRisk ??= chart.HasActive(parameters.SecondaryRiskCodes)
            || (parameters.SecondaryRiskPersistentHypocalcemia && hypocalcemia.Outcome.Kind == OutcomeKind.Met);

        DateOnly due;
        int grace;
        (int Months, string Rule)? interval = null;
        if (latest is null)
        {
            due = eligibility.On;
            grace = parameters.GraceDaysNeverScanned;
        }
        else
        {
            interval = DxaInterval.For(chart, latest, SecondaryRisk());
            var next = latest.On.AddMonths(interval.Value.Months);
            due = next > eligibility.On ? next : eligibility.On;
            grace = parameters.GraceDaysAfterPriorScan;
        }

        var dueSoonFrom = due.AddDays(-parameters.DueSoonDays);
        var overdueFrom = due.AddDays(grace + 1);
        var status = chart.AsOf >= overdueFrom ? OutcomeReasons.Overdue
            : chart.AsOf >= due ? OutcomeReasons.Due
            : chart.AsOf >= dueSoonFrom ? OutcomeReasons.DueSoon
            : OutcomeReasons.NotDue;
        // The status moves on each boundary still ahead (§9.4: due-soon window, due date, end of grace).
        chart.MayChangeOn(dueSoonFrom);
        chart.MayChangeOn(due);
        chart.MayChangeOn(overdueFrom);
        if (status != OutcomeReasons.Overdue)
            return new(new RuleOutcome(RuleIds.OverdueDxa, OutcomeKind.NotMet, status, DueDate: due));

        var finding = DxaFinding.Build(chart, eligibility, latest, interval, SecondaryRisk(), due, grace);
        return new(new RuleOutcome(RuleIds.OverdueDxa, OutcomeKind.Met, Finding: finding, DueDate: due));
    }
}

using Screening.Domain.Screening;
using Screening.Domain.Units;

namespace Screening.Domain.Dxa;

/// <summary>The finding of an overdue DXA: last scan evidence, interval rule applied, eligibility route, priority, text.</summary>
internal static class DxaFinding
{
    public static Finding Build(Chart chart, (DateOnly On, string Route) eligibility, DxaScan? latest,
        (int Months, string Rule)? interval, bool secondaryRisk, DateOnly due, int grace)
    {
        var parameters = chart.Rules.Dxa;
        var score = latest?.Used;
        var priority = latest is null ? Priority.Normal
            : score is { } t && t <= parameters.HighPriorityAtOrBelow ? Priority.High
            : Priority.Low;

        string summary;
        if (latest is null)
            summary = $"DXA overdue (never scanned; eligible since {Display.Date(eligibility.On)}: {eligibility.Route}; due {Display.Date(due)})";
        else
            summary = $"DXA overdue (last DXA {Display.Date(latest.On)}, lowest T-score {(score is { } s ? s.ToString() : "none")}, "
                + $"interval {DxaInterval.Text(interval!.Value.Months)}: {interval.Value.Rule}; due {Display.Date(due)}"
                + (eligibility.Route.Contains(Rules.ProgramPolicyDxa.RequiredLabel, StringComparison.Ordinal) ? $"; eligible via {eligibility.Route})" : ")");

        var workup = new List<string>(parameters.SuggestedWorkup);
        if (score is { } lowest && lowest <= parameters.MedicationReviewAtOrBelow) workup.Add(parameters.MedicationReviewText);

        var evidence = latest is null ? new List<EvidenceItem>() : new List<EvidenceItem>(latest.Evidence);
        evidence.Sort(static (a, b) =>
        {
            var byCode = string.CompareOrdinal(a.Code, b.Code);
            if (byCode != 0) return byCode;
            var bySource = string.CompareOrdinal(a.SourceSystem, b.SourceSystem);
            return bySource != 0 ? bySource : string.CompareOrdinal(a.ResultId, b.ResultId);
        });

        var intervals = parameters.Intervals;
        var parameterList = new Dictionary<string, string>
        {
            ["womenFromAgeYears"] = Display.Integer(parameters.WomenFromAgeYears),
            ["menFromAgeYears"] = Display.Integer(parameters.MenFromAgeYears),
            ["riskFlagFromAgeYears"] = Display.Integer(parameters.RiskFlagFromAgeYears),
            ["intervalBands"] = string.Join("; ", intervals.Bands.Select(b =>
                $"{b.Name}: {(b.TScoreAbove is { } a ? "T > " + a : "lower")} → {b.Months} months{(b.OlderAgeMonths is { } o ? $" ({o} from age {intervals.OlderAgeYears})" : "")}")),
            ["noTScoreMonths"] = Display.Integer(intervals.NoTScoreMonths),
            ["secondaryRiskMonths"] = Display.Integer(intervals.SecondaryRiskMonths),
            ["minimumMonths"] = Display.Integer(intervals.MinimumMonths),
            ["dueSoonDays"] = Display.Integer(parameters.DueSoonDays),
            ["graceDaysAfterPriorScan"] = Display.Integer(parameters.GraceDaysAfterPriorScan),
            ["graceDaysNeverScanned"] = Display.Integer(parameters.GraceDaysNeverScanned),
            ["programPolicyArm"] = parameters.ProgramPolicyArm ? "true" : "false",
        };
        var details = new Dictionary<string, string>
        {
            ["status"] = OutcomeReasons.Overdue,
            ["dueDate"] = Display.Date(due),
            ["overdueDays"] = Display.Integer(chart.AsOf.DayNumber - due.DayNumber),
            ["graceDays"] = Display.Integer(grace),
            ["eligibleSince"] = Display.Date(eligibility.On),
            ["eligibilityRoute"] = eligibility.Route,
            ["secondaryRisk"] = secondaryRisk ? "true" : "false",
            ["lastScan"] = latest is null ? "never" : Display.Date(latest.On),
        };
        if (latest is not null)
        {
            details["tScore"] = score is { } t2 ? t2.ToString() : "none";
            details["tScoreSite"] = latest.UsedSite;
            details["intervalRule"] = interval!.Value.Rule;
            details["intervalMonths"] = Display.Integer(interval.Value.Months);
        }
        else details["intervalRule"] = "never-scanned";

        return new Finding(chart.Patient.PatientId, RuleIds.OverdueDxa, chart.AsOf, due, null, evidence, priority,
            chart.Rules.Version, summary, workup, parameterList, details, due);
    }
}

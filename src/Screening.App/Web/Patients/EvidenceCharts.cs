using System.Text;
using Screening.App.Web.Shared;
using Screening.Domain.Screening;
using static Screening.App.Web.Shared.Html;
using Screening.Domain.Catalog;
using Screening.Domain.Codes;
using Screening.Domain.Results;
using Screening.Domain.Rules;

namespace Screening.App.Web.Patients;

/// <summary>The evidence section: hemoglobin and calcium over time (threshold line, evidence marked) and the DXA history.</summary>
public static class EvidenceCharts
{
    public static string Render(PatientRecordView view, IReadOnlyDictionary<long, Finding?> findings, RuleSet rules)
    {
        var evidenceIds = findings.Values.Where(f => f is not null).SelectMany(f => f!.Evidence).Select(e => (e.SourceSystem, e.ResultId)).ToHashSet();
        var sb = new StringBuilder("<section class=\"card\" id=\"evidence\"><h2>Results over time</h2><div class=\"grid\">");
        foreach (var (rule, chart) in RuleCatalog.All.SelectMany(r => r.Charts.Select(c => (r, c))))
        {
            var analyte = AnalyteCatalog.NameOf(chart.Analyte);
            var results = view.Results.Where(r => r.Analyte == analyte && r.CanonicalValue is not null).ToList();
            if (results.Count == 0 && !chart.ShownWhenEmpty) continue;
            var finding = view.Tasks.Where(t => t.RuleId == rule.Id).Select(t => findings.GetValueOrDefault(t.Id)).FirstOrDefault(f => f is not null);
            var used = chart.Analyte == Analyte.TotalCalcium ? CalciumUsed.Of(view, finding) : null;
            var points = results.Select(r => used?.Point(r, evidenceIds.Contains((r.SourceSystem, r.ResultId))) ?? new SvgLineChart.Point(r.CollectedOn, r.CanonicalValue!.Value,
                evidenceIds.Contains((r.SourceSystem, r.ResultId)),
                $"{D(r.CollectedOn)}: {Quantities.Of(r.CanonicalValue, r.CanonicalUnit)} ({r.Status}, {r.EncounterClass})")).ToList();
            var unit = results.FirstOrDefault()?.CanonicalUnit ?? AnalyteCatalog.CanonicalUnitOf(chart.Analyte);
            var line = ChartThreshold.Of(finding, rule, chart.Analyte, Sexes.Parse(view.Patient.Sex), rules);
            sb.Append("<div>").Append(SvgLineChart.Render(chart.Title, unit, points, line));
            if (used is not null) sb.Append(used.Table(results));
            sb.Append("</div>");
        }
        sb.Append("</div>");
        return sb.Append(Dxa(view, findings)).Append("</section>").ToString();
    }

    private static string Dxa(PatientRecordView view, IReadOnlyDictionary<long, Finding?> findings)
    {
        var tScores = view.Results.Where(r => r.Analyte == "dxa-t-score").ToList();
        var dates = view.Procedures.Select(p => p.PerformedOn).Concat(tScores.Select(t => t.CollectedOn)).Distinct().Order().ToList();
        var dxaTask = view.Tasks.FirstOrDefault(t => t.RuleId == RuleIds.OverdueDxa);
        var sb = new StringBuilder("<h2>DXA history</h2>");
        if (dxaTask is not null)
        {
            var details = findings.GetValueOrDefault(dxaTask.Id)?.Details;
            sb.Append($"<p>DXA due <b>{D(dxaTask.DueDate)}</b>");
            if (details?.GetValueOrDefault("intervalMonths") is { } months)
                sb.Append($" · interval {E(months)} months ({E(details.GetValueOrDefault("intervalRule"))})");
            if (details?.GetValueOrDefault("eligibleSince") is { } eligible)
                sb.Append($" · eligible since {E(eligible)} ({E(details.GetValueOrDefault("eligibilityRoute"))})");
            if (details?.GetValueOrDefault("lastScan") is { } lastScan && lastScan != "never") sb.Append($" · last scan {E(lastScan)}");
            sb.Append("</p>");
        }
        if (dates.Count == 0) return sb.Append("<p class=\"muted\">No DXA scan on file.</p>").ToString();
        sb.Append("<table class=\"dxa\"><thead><tr><th>Date</th><th>Procedure</th><th>T-scores (site LOINC)</th><th>Lowest</th></tr></thead><tbody>");
        foreach (var day in dates)
        {
            var procs = view.Procedures.Where(p => p.PerformedOn == day).Select(p => $"{p.CodeSystem} {p.Code}");
            var scores = tScores.Where(t => t.CollectedOn == day && t.CanonicalValue is not null).ToList();
            var lowest = scores.Count == 0 ? "" : Quantities.Of(scores.Min(s => s.CanonicalValue), scores[0].CanonicalUnit);
            sb.Append($"<tr><td>{D(day)}</td><td>{E(string.Join(", ", procs))}</td>");
            sb.Append($"<td>{E(string.Join(", ", scores.Select(s => $"{Quantities.Of(s.CanonicalValue, s.CanonicalUnit)} ({s.Loinc})")))}</td><td>{E(lowest)}</td></tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }
}

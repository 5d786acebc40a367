using System.Text;
using Screening.App.Web.Shared;
using Screening.Data.Model;
using Screening.Domain.Screening;
using static Screening.App.Web.Shared.Html;

namespace Screening.App.Web.Patients;

/// <summary>
/// The hypocalcemia chart as the rule read it: on a day the finding used a total calcium, the point is the value it
/// used (albumin-corrected when it corrected, clinical-rules §9.3) and the table beside the chart shows the measured
/// total, the lowest same-day albumin and the basis; other days show the measured total.
/// </summary>
internal sealed class CalciumUsed(IReadOnlyDictionary<(string, string), EvidenceItem> evidence, IReadOnlyDictionary<DateOnly, LabResult> albumin)
{
    public static CalciumUsed Of(PatientRecordView view, Finding? finding)
    {
        var used = (finding?.Evidence ?? []).ToDictionary(e => (e.SourceSystem, e.ResultId));
        var albumin = view.Results.Where(r => r.Analyte == "albumin" && r.CanonicalValue is not null)
            .GroupBy(r => r.CollectedOn).ToDictionary(g => g.Key, g => g.MinBy(r => r.CanonicalValue)!);
        return new CalciumUsed(used, albumin);
    }

    public SvgLineChart.Point Point(LabResult total, bool isEvidence)
    {
        var albuminText = albumin.TryGetValue(total.CollectedOn, out var a) ? $"; albumin {Quantities.Of(a.CanonicalValue, a.CanonicalUnit)}" : "";
        if (evidence.TryGetValue((total.SourceSystem, total.ResultId), out var e) && e.Value is { } value && e.Unit == total.CanonicalUnit)
            return new SvgLineChart.Point(total.CollectedOn, value, isEvidence,
                $"{D(total.CollectedOn)}: used {Quantities.Of(value, e.Unit)} ({e.Note}); measured {Quantities.Of(total.CanonicalValue, total.CanonicalUnit)}{albuminText}");
        return new SvgLineChart.Point(total.CollectedOn, total.CanonicalValue!.Value, isEvidence,
            $"{D(total.CollectedOn)}: measured {Quantities.Of(total.CanonicalValue, total.CanonicalUnit)}{albuminText} ({total.Status}, {total.EncounterClass})");
    }

    /// <summary>Date, measured total, albumin, the value used and its basis, for every total calcium day.</summary>
    public string Table(IReadOnlyList<LabResult> totals)
    {
        if (totals.Count == 0) return "";
        var sb = new StringBuilder("<table class=\"calcium-used\"><thead><tr><th>Date</th><th>Measured</th><th>Albumin</th><th>Used by the rule</th><th>Basis</th></tr></thead><tbody>");
        foreach (var t in totals.OrderBy(t => t.CollectedOn))
        {
            var alb = albumin.TryGetValue(t.CollectedOn, out var a) ? Quantities.Of(a.CanonicalValue, a.CanonicalUnit) : "";
            evidence.TryGetValue((t.SourceSystem, t.ResultId), out var e);
            sb.Append($"<tr><td>{D(t.CollectedOn)}</td><td>{E(Quantities.Of(t.CanonicalValue, t.CanonicalUnit))}</td><td>{E(alb)}</td>")
              .Append($"<td>{E(e is null ? "" : Quantities.Of(e.Value, e.Unit))}</td><td>{E(e?.Note ?? "")}</td></tr>");
        }
        return sb.Append("</tbody></table>").ToString();
    }
}

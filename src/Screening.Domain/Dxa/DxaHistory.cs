using Screening.Domain.Results;
using Screening.Domain.Screening;
using Screening.Domain.Units;

namespace Screening.Domain.Dxa;

/// <summary>
/// A patient's DXA scans on or before as-of, one per date, ascending (clinical-rules §9.4 "Evidence of a DXA"):
/// CPT 77080/77081/77085 and SNOMED 312681000 procedures, and any countable DXA T-score observation whatever its
/// encounter setting. 77086 (VFA alone) is not in the code list and so never makes a scan.
/// </summary>
internal sealed class DxaHistory
{
    private DxaHistory(List<DxaScan> scans) => Scans = scans;

    public List<DxaScan> Scans { get; }
    public DxaScan? Latest => Scans.Count == 0 ? null : Scans[^1];

    public static DxaHistory Of(Chart chart)
    {
        var parameters = chart.Rules.Dxa;
        Dictionary<DateOnly, DxaScan>? byDay = null;
        DxaScan ScanOn(DateOnly day)
        {
            byDay ??= [];
            if (!byDay.TryGetValue(day, out var scan)) byDay[day] = scan = new DxaScan(day);
            return scan;
        }

        foreach (var procedure in chart.Procedures)
        {
            if (!parameters.ProcedureCodes.Matches(procedure.Code, procedure.System)) continue;
            ScanOn(procedure.PerformedOn).Evidence.Add(new EvidenceItem(
                "procedure", procedure.ProcedureId, procedure.Code, null, null, procedure.PerformedOn, "DXA procedure"));
        }

        foreach (var result in chart.Results)
        {
            if (result.Kind != Analyte.DxaTScore) continue;
            var loinc = result.Source.Loinc.Trim();
            var central = parameters.CentralTScores.Contains(loinc);
            if (!central && !parameters.RadiusTScores.Contains(loinc)) continue;
            var scan = ScanOn(result.Day);
            var score = TScore.Of(result.Value);
            if (central) scan.AddCentral(score); else scan.AddRadius(score);
            scan.Evidence.Add(new EvidenceItem(result.Source.SourceSystem, result.Source.ResultId, loinc, result.Value,
                TScore.CanonicalUnit, result.Day, central ? "central T-score" : "radius T-score"));
        }

        if (byDay is null) return new DxaHistory([]);
        var scans = byDay.Values.ToList();
        scans.Sort((a, b) => a.On.CompareTo(b.On));
        return new DxaHistory(scans);
    }
}

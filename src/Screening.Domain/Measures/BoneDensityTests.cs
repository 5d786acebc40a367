using Screening.Domain.Results;
using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Measures;

/// <summary>
/// The dates of bone-density tests a measure accepts, on or before as-of: a procedure in the given code set, or a
/// countable (final, amended, corrected) DXA T-score observation (clinical-rules §9.4 "Evidence of a DXA").
/// </summary>
internal static class BoneDensityTests
{
    public static IEnumerable<DateOnly> Dates(PatientRecord record, RuleSet rules, CodeSet procedureCodes, DateOnly asOf)
    {
        foreach (var p in record.Procedures)
            if (p.PerformedOn <= asOf && procedureCodes.Matches(p.Code, p.System)) yield return p.PerformedOn;
        foreach (var r in record.Results)
        {
            if (r.CollectedOn > asOf || r.Status is not (ResultStatus.Final or ResultStatus.Amended or ResultStatus.Corrected)) continue;
            var loinc = r.Loinc.Trim();
            if (rules.Dxa.CentralTScores.Contains(loinc) || rules.Dxa.RadiusTScores.Contains(loinc)) yield return r.CollectedOn;
        }
    }
}

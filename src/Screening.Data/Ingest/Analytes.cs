using Screening.Domain.Results;

namespace Screening.Data.Ingest;

/// <summary>Adapter from the domain's analyte catalog to ingest verdicts (kept in one place so ingest stays small).</summary>
public static class Analytes
{
    public abstract record Verdict
    {
        public sealed record Ok(string Analyte, decimal CanonicalValue, string CanonicalUnit) : Verdict;
        public sealed record Bad(string ReasonCode, string Detail) : Verdict;
        public sealed record NotTarget : Verdict;
    }

    /// <summary>The analyte a LOINC code belongs to, or null when the pipeline does not use that code.</summary>
    public static string? Lookup(string loinc) => TemporaryCatalog.TryGetValue(loinc.Trim(), out var analyte) ? analyte : null;

    public static Verdict Check(string loinc, decimal value, string unit)
    {
        // Replaced by Screening.Domain.Results.LabValues.Check when the rules land.
        var analyte = Lookup(loinc);
        return analyte is null ? new Verdict.NotTarget() : new Verdict.Ok(analyte, value, unit);
    }

    private static readonly Dictionary<string, string> TemporaryCatalog = new()
    {
        ["718-7"] = "hemoglobin", ["30350-3"] = "hemoglobin", ["59260-0"] = "hemoglobin",
        ["17861-6"] = "calcium", ["2000-8"] = "calcium", ["49765-1"] = "calcium",
        ["1751-7"] = "albumin", ["1994-3"] = "ionized-calcium", ["1995-0"] = "ionized-calcium",
    };

    internal static ResultStatus Unused => ResultStatus.Unknown;
}

using Screening.Domain.Results;

namespace Screening.Domain.Persistence;

/// <summary>
/// Threshold choice (clinical-rules §9.1 "Reference range"): the lab's own low limit, converted from the result's
/// unit, replaces the default when it lies within ±tolerance of it; otherwise the default applies.
/// Works on canonical decimals so each rule wraps the answer in its unit type.
/// </summary>
internal static class ReferenceLow
{
    public static decimal Choose(decimal defaultThreshold, LabObservation source, Analyte kind, decimal tolerance, out bool fromLab)
    {
        fromLab = false;
        if (source.ReferenceLow is not { } low || !AnalyteCatalog.TryConvert(kind, low, source.Unit, out var labLow)) return defaultThreshold;
        var margin = Math.Abs(defaultThreshold) * tolerance;
        if (labLow < defaultThreshold - margin || labLow > defaultThreshold + margin) return defaultThreshold;
        fromLab = true;
        return labLow;
    }
}

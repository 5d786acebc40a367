using System.Globalization;
using Screening.Domain.Rules;
using Screening.Domain.Codes;

namespace Screening.Domain.Results;

/// <summary>
/// Ingest-time check of one reported lab value: known analyte? known unit? plausible? (clinical-rules §6.5, §9.1).
/// Unit spellings match case-insensitively (<c>g/dl</c>, <c>G/DL</c>); anything else (<c>g/mL</c> for Hb,
/// <c>g/l-1</c>) is an unknown unit and is quarantined rather than guessed.
/// </summary>
public static class LabValues
{
    /// <summary>Checks with the built-in plausibility limits (equal to the seed rule file).</summary>
    public static LabValueVerdict Check(string loinc, decimal value, string unit)
        => Check(loinc, value, unit, PlausibilityLimits.Default);

    /// <summary>Checks with the plausibility limits of <paramref name="rules"/>.</summary>
    public static LabValueVerdict Check(string loinc, decimal value, string unit, RuleSet rules)
        => Check(loinc, value, unit, rules.Shared.Plausibility);

    /// <summary>Checks a value that may be absent (<c>missing-value</c>).</summary>
    public static LabValueVerdict Check(string loinc, decimal? value, string? unit, RuleSet? rules = null)
    {
        var limits = rules?.Shared.Plausibility ?? PlausibilityLimits.Default;
        if (AnalyteCatalog.Find(loinc) is null) return new LabValueVerdict.Ignored(loinc);
        return value is { } number
            ? Check(loinc, number, unit ?? string.Empty, limits)
            : new LabValueVerdict.Rejected(RejectReasons.MissingValue, $"LOINC {loinc} has no numeric value");
    }

    /// <summary>Checks with explicit plausibility limits.</summary>
    public static LabValueVerdict Check(string loinc, decimal value, string unit, PlausibilityLimits limits)
    {
        if (AnalyteCatalog.Find(loinc) is not { } analyte) return new LabValueVerdict.Ignored(loinc);
        if (!analyte.TryConvert(unit, value, out var canonical))
            return new LabValueVerdict.Rejected(RejectReasons.UnknownUnit,
                $"unit '{unit}' is not a known unit for {analyte.Name} (LOINC {loinc})");
        if (!limits.IsPlausible(analyte.Kind, canonical))
            return new LabValueVerdict.Rejected(RejectReasons.ImplausibleValue,
                string.Create(CultureInfo.InvariantCulture, $"{value} {unit} ({decimal.Round(canonical, 3)} {analyte.CanonicalUnit}) is outside the plausible range for {analyte.Name}"));
        return new LabValueVerdict.Accepted(analyte.Name, canonical, analyte.CanonicalUnit) { Kind = analyte.Kind };
    }
}

namespace Screening.Interop.Mapping;

/// <summary>
/// Normalises the spelling of units to UCUM (clinical-rules §6.5), case-insensitively: <c>g/dl</c> → <c>g/dL</c>,
/// <c>G/L</c> → <c>g/L</c>, <c>ng/ml</c> → <c>ng/mL</c>. Never converts values, and leaves spellings it does not know
/// as they are (<c>g/mL</c>, <c>g/l-1</c>) so the domain's unit check rejects them as <c>unknown-unit</c>.
/// </summary>
public static class UnitSpelling
{
    private static readonly Dictionary<string, string> Canonical = Build(
        "g/dL", "g/L", "mg/dL", "mg/L", "ug/L", "ug/dL", "ng/mL", "ng/L", "pg/mL",
        "mmol/L", "umol/L", "nmol/L", "pmol/L", "meq/L", "g/cm2", "{T-score}", "{Z-score}", "%", "fL", "pg", "U/L");

    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["µg/L"] = "ug/L", ["μg/L"] = "ug/L", ["µg/dL"] = "ug/dL", ["μg/dL"] = "ug/dL",
        ["µmol/L"] = "umol/L", ["μmol/L"] = "umol/L", ["g/cm²"] = "g/cm2",
        ["T-score"] = "{T-score}", ["Z-score"] = "{Z-score}",
    };

    public static string? Normalize(string? unit)
    {
        if (unit is null) return null;
        var trimmed = unit.Trim();
        if (trimmed.Length == 0) return null;
        if (Canonical.TryGetValue(trimmed, out var canonical)) return canonical;
        return Aliases.TryGetValue(trimmed, out var alias) ? alias : trimmed;
    }

    private static Dictionary<string, string> Build(params string[] units)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var unit in units) map[unit] = unit;
        return map;
    }
}

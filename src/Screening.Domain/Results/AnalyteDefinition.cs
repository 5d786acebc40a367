namespace Screening.Domain.Results;

/// <summary>An analyte's name as stored, canonical unit, and the unit spellings it accepts (clinical-rules §6.5).</summary>
internal sealed class AnalyteDefinition(Analyte kind, string name, string canonicalUnit, params UnitSpelling[] units)
{
    public Analyte Kind { get; } = kind;
    public string Name { get; } = name;
    public string CanonicalUnit { get; } = canonicalUnit;

    public bool TryConvert(string? unit, decimal value, out decimal canonical)
    {
        var trimmed = (unit ?? string.Empty).AsSpan().Trim();
        foreach (var spelling in units)
        {
            if (!spelling.Matches(trimmed)) continue;
            canonical = spelling.ToCanonical(value);
            return true;
        }
        canonical = 0m;
        return false;
    }
}

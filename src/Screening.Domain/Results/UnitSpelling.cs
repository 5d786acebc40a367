namespace Screening.Domain.Results;

/// <summary>
/// One accepted UCUM spelling of a unit and its conversion to the analyte's canonical unit. Matching is
/// case-insensitive (HL7 v2 OBX-6 often carries <c>g/dl</c>, <c>mg/dl</c>), never fuzzy (clinical-rules §6.5).
/// </summary>
internal sealed class UnitSpelling(string ucum, Func<decimal, decimal> toCanonical, params string[] variants)
{
    public string Ucum { get; } = ucum;
    public Func<decimal, decimal> ToCanonical { get; } = toCanonical;

    public bool Matches(ReadOnlySpan<char> unit)
    {
        if (unit.Equals(Ucum.AsSpan(), StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var variant in variants)
            if (unit.Equals(variant.AsSpan(), StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}

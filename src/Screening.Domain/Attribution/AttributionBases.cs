namespace Screening.Domain.Attribution;

/// <summary>The stored codes of <see cref="AttributionBasis"/> (<c>pcp</c>, <c>location</c>, <c>organization</c>, <c>payer</c>).</summary>
public static class AttributionBases
{
    public static readonly string[] Codes = ["pcp", "location", "organization", "payer"];

    public static string Code(AttributionBasis basis) => Codes[(int)basis];

    public static AttributionBasis Parse(string code) =>
        TryParse(code, out var basis) ? basis : throw new ArgumentException($"unknown attribution basis '{code}' (pcp, location, organization, payer).");

    public static bool TryParse(string? code, out AttributionBasis basis)
    {
        var i = Array.IndexOf(Codes, code?.Trim().ToLowerInvariant());
        basis = i < 0 ? default : (AttributionBasis)i;
        return i >= 0;
    }
}

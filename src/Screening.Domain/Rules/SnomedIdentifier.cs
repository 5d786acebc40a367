namespace Screening.Domain.Rules;

/// <summary>
/// SNOMED CT identifier syntax (SNOMED CT Technical Implementation Guide, "SCTID"): 6–18 digits, no leading zero,
/// a partition identifier of a concept (<c>00</c> or <c>10</c>) in the second- and third-last digits, and a Verhoeff
/// check digit last. Catches mistyped codes in value sets; it does not prove the concept exists.
/// </summary>
public static class SnomedIdentifier
{
    private static readonly byte[,] Multiply =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 2, 3, 4, 0, 6, 7, 8, 9, 5 }, { 2, 3, 4, 0, 1, 7, 8, 9, 5, 6 },
        { 3, 4, 0, 1, 2, 8, 9, 5, 6, 7 }, { 4, 0, 1, 2, 3, 9, 5, 6, 7, 8 }, { 5, 9, 8, 7, 6, 0, 4, 3, 2, 1 },
        { 6, 5, 9, 8, 7, 1, 0, 4, 3, 2 }, { 7, 6, 5, 9, 8, 2, 1, 0, 4, 3 }, { 8, 7, 6, 5, 9, 3, 2, 1, 0, 4 },
        { 9, 8, 7, 6, 5, 4, 3, 2, 1, 0 },
    };

    private static readonly byte[,] Permute =
    {
        { 0, 1, 2, 3, 4, 5, 6, 7, 8, 9 }, { 1, 5, 7, 6, 2, 8, 3, 0, 9, 4 }, { 5, 8, 0, 3, 7, 9, 6, 1, 4, 2 },
        { 8, 9, 1, 6, 0, 4, 3, 5, 2, 7 }, { 9, 4, 5, 3, 1, 2, 6, 8, 7, 0 }, { 4, 2, 8, 6, 5, 7, 3, 9, 0, 1 },
        { 2, 7, 9, 3, 8, 0, 6, 4, 1, 5 }, { 7, 0, 4, 6, 9, 1, 3, 2, 5, 8 },
    };

    /// <summary>Why <paramref name="code"/> is not a concept identifier, or null when it is one.</summary>
    public static string? ProblemWith(string code)
    {
        if (code.Length is < 6 or > 18 || !code.All(char.IsAsciiDigit) || code[0] == '0')
            return "expected 6 to 18 digits without a leading zero";
        var partition = code.Substring(code.Length - 3, 2);
        if (partition is not ("00" or "10")) return $"partition '{partition}' is not a concept identifier (00 or 10)";
        return HasValidCheckDigit(code) ? null : "wrong Verhoeff check digit";
    }

    /// <summary>Verhoeff: the product over the reversed digits, check digit included, is 0.</summary>
    public static bool HasValidCheckDigit(string code)
    {
        var check = 0;
        for (var i = 0; i < code.Length; i++)
            check = Multiply[check, Permute[i % 8, code[code.Length - 1 - i] - '0']];
        return check == 0;
    }
}

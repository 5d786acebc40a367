namespace Screening.Domain.Results;

/// <summary>LOINC code syntax: 1–7 digits, a dash, and a mod-10 check digit (LOINC Users' Guide, Luhn algorithm).</summary>
public static class LoincCode
{
    /// <summary>Whether <paramref name="code"/> has LOINC form (digits-digit), check digit not verified.</summary>
    public static bool IsWellFormed(string code)
    {
        var dash = code.IndexOf('-', StringComparison.Ordinal);
        if (dash < 1 || dash > 7 || dash != code.Length - 2) return false;
        foreach (var c in code.AsSpan(0, dash)) if (!char.IsAsciiDigit(c)) return false;
        return char.IsAsciiDigit(code[^1]);
    }

    /// <summary>Whether the check digit after the dash matches the mod-10 check digit of the number before it.</summary>
    public static bool HasValidCheckDigit(string code)
    {
        if (!IsWellFormed(code)) return false;
        var dash = code.Length - 2;
        var sum = 0;
        var doubleIt = true;
        for (var i = dash - 1; i >= 0; i--)
        {
            var digit = code[i] - '0';
            if (doubleIt) { digit *= 2; if (digit > 9) digit -= 9; }
            sum += digit;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10 == code[^1] - '0';
    }
}

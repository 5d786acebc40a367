namespace Screening.Interop.Mapping;

/// <summary>LOINC code shape: 1–7 digits, a hyphen, one check digit (mod-10 check, as LOINC publishes it).</summary>
public static class LoincCode
{
    public static bool IsWellFormed(string? code)
    {
        if (string.IsNullOrEmpty(code) || code.Length < 3 || code.Length > 9) return false;
        var dash = code.IndexOf('-');
        if (dash < 1 || dash != code.Length - 2 || !char.IsAsciiDigit(code[^1])) return false;
        for (var i = 0; i < dash; i++) if (!char.IsAsciiDigit(code[i])) return false;
        return CheckDigit(code.AsSpan(0, dash)) == code[^1] - '0';
    }

    private static int CheckDigit(ReadOnlySpan<char> digits)
    {
        // LOINC mod 10: double every other digit starting from the rightmost, sum the digits of the products.
        var sum = 0;
        var doubleIt = true;
        for (var i = digits.Length - 1; i >= 0; i--)
        {
            var d = digits[i] - '0';
            if (doubleIt) { d *= 2; if (d > 9) d -= 9; }
            sum += d;
            doubleIt = !doubleIt;
        }
        return (10 - sum % 10) % 10;
    }
}

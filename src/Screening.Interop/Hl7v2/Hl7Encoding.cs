using System.Text;

namespace Screening.Interop.Hl7v2;

/// <summary>
/// The delimiters a message declares in MSH-1/MSH-2 (field, component, repetition, escape, subcomponent) and the
/// HL7 escape sequences built on them. Strict: delimiters must be distinct printable ASCII punctuation.
/// </summary>
internal sealed record Hl7Encoding(char Field, char Component, char Repetition, char Escape, char Subcomponent)
{
    /// <summary>Reads MSH-1 and MSH-2 from the start of an MSH segment; null with a reason when they are unusable.</summary>
    public static Hl7Encoding? FromHeader(string msh, out string problem)
    {
        problem = "";
        if (msh.Length < 8 || !msh.StartsWith("MSH", StringComparison.Ordinal))
        {
            problem = "MSH segment is too short to declare its delimiters";
            return null;
        }
        var field = msh[3];
        var end = msh.IndexOf(field, 4);
        var declared = end < 0 ? msh[4..] : msh[4..end];
        if (!IsDelimiter(field))
        {
            problem = "MSH-1 field separator is not a printable ASCII punctuation character";
            return null;
        }
        if (declared.Length is < 4 or > 5)
        {
            problem = $"MSH-2 must declare 4 (or 5) encoding characters, found {declared.Length}";
            return null;
        }
        var seen = new HashSet<char> { field };
        foreach (var c in declared)
        {
            if (!IsDelimiter(c) || !seen.Add(c))
            {
                problem = "MSH-2 encoding characters must be distinct printable ASCII punctuation, unlike MSH-1";
                return null;
            }
        }
        return new Hl7Encoding(field, declared[0], declared[1], declared[2], declared[3]);
    }

    private static bool IsDelimiter(char c) => c is > ' ' and < '\u007f' && !char.IsAsciiLetterOrDigit(c);

    /// <summary>Resolves escape sequences (\F\ \S\ \T\ \R\ \E\ \Xhh..\ \.br\); unknown ones are kept as written. Linear, no backtracking.</summary>
    public string Unescape(string value)
    {
        if (value.IndexOf(Escape) < 0) return value;
        var text = new StringBuilder(value.Length);
        var i = 0;
        while (i < value.Length)
        {
            var c = value[i];
            var close = c == Escape ? value.IndexOf(Escape, i + 1) : -1;
            if (close < 0)
            {
                text.Append(c);
                i++;
                continue;
            }
            var sequence = value.AsSpan(i + 1, close - i - 1);
            if (!AppendSequence(text, sequence)) text.Append(value, i, close - i + 1);
            i = close + 1;
        }
        return text.ToString();
    }

    private bool AppendSequence(StringBuilder text, ReadOnlySpan<char> sequence)
    {
        switch (sequence)
        {
            case "F": text.Append(Field); return true;
            case "S": text.Append(Component); return true;
            case "T": text.Append(Subcomponent); return true;
            case "R": text.Append(Repetition); return true;
            case "E": text.Append(Escape); return true;
            case ".br": text.Append('\n'); return true;
        }
        if (sequence.Length >= 3 && sequence[0] == 'X' && (sequence.Length - 1) % 2 == 0)
        {
            var hex = sequence[1..];
            var start = text.Length;
            for (var j = 0; j < hex.Length; j += 2)
            {
                if (!byte.TryParse(hex.Slice(j, 2), System.Globalization.NumberStyles.HexNumber, null, out var b))
                {
                    text.Length = start;
                    return false;
                }
                text.Append((char)b);
            }
            return true;
        }
        return false;
    }
}

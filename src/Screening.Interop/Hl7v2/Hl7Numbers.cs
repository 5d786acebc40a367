using System.Globalization;

namespace Screening.Interop.Hl7v2;

/// <summary>Strict invariant decimal parsing for NM/SN values and reference ranges (<c>12.0-16.0</c>, <c>4.3 to 6.2</c>).</summary>
internal static class Hl7Numbers
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint
                                       | NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite;

    public static decimal? Parse(string text)
        => text.Length is > 0 and <= 40 && decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <summary>Low and high of a range like <c>12.0-16.0</c>, <c>12 - 16</c> or <c>4.3 to 6.2</c>; nulls when it is any other shape.</summary>
    public static (decimal? Low, decimal? High) Range(string text)
    {
        if (text.Length is 0 or > 60) return (null, null);
        var to = text.IndexOf(" to ", StringComparison.OrdinalIgnoreCase);
        if (to > 0) return Both(text[..to], text[(to + 4)..]);
        var dash = text.IndexOf('-', 1);
        return dash > 0 ? Both(text[..dash], text[(dash + 1)..]) : (null, null);
    }

    private static (decimal?, decimal?) Both(string low, string high)
        => Parse(low) is { } l && Parse(high) is { } h && l <= h ? (l, h) : (null, null);
}

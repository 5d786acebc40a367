namespace Screening.Interop.Hl7v2;

/// <summary>
/// HL7 DTM <c>YYYYMMDD[HHMM[SS[.S+]]][+/-ZZZZ]</c>, at least day precision. Without an offset the time is read as
/// offset 0 but keeps the date as written (the calendar day of collection never shifts).
/// </summary>
public static class Hl7DateTime
{
    public static DateTimeOffset? Parse(string text)
    {
        if (text.Length is < 8 or > 40) return null;
        var sign = text.IndexOfAny(['+', '-']);
        var main = sign < 0 ? text : text[..sign];
        var offset = TimeSpan.Zero;
        if (sign >= 0 && !TryOffset(text[sign..], out offset)) return null;
        var dot = main.IndexOf('.');
        var fraction = dot < 0 ? "" : main[(dot + 1)..];
        if (dot >= 0) main = main[..dot];
        if (main.Length is not (8 or 10 or 12 or 14) || !main.All(char.IsAsciiDigit)) return null;
        if (fraction.Length > 0 && (main.Length != 14 || fraction.Length > 7 || !fraction.All(char.IsAsciiDigit))) return null;
        var year = Number(main, 0, 4);
        var month = Number(main, 4, 2);
        var day = Number(main, 6, 2);
        var hour = main.Length >= 10 ? Number(main, 8, 2) : 0;
        var minute = main.Length >= 12 ? Number(main, 10, 2) : 0;
        var second = main.Length >= 14 ? Number(main, 12, 2) : 0;
        if (year is < 1800 or > 9000 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month)) return null;
        if (hour > 23 || minute > 59 || second > 59) return null;
        var ticks = fraction.Length == 0 ? 0 : Number(fraction.PadRight(7, '0'), 0, 7);
        var local = new DateTime(year, month, day, hour, minute, second, DateTimeKind.Unspecified).AddTicks(ticks);
        return new DateTimeOffset(local, offset);
    }

    /// <summary>Only the date part (birth dates, death dates); null when the text is not a DTM.</summary>
    public static DateOnly? ParseDate(string text)
        => Parse(text) is { } value ? DateOnly.FromDateTime(value.DateTime) : null;

    private static bool TryOffset(string text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text.Length != 5 || !text.AsSpan(1).ToString().All(char.IsAsciiDigit)) return false;
        var hours = Number(text, 1, 2);
        var minutes = Number(text, 3, 2);
        if (hours > 14 || minutes > 59 || (hours == 14 && minutes > 0)) return false;
        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-') offset = -offset;
        return true;
    }

    private static int Number(string text, int start, int length)
    {
        var value = 0;
        for (var i = start; i < start + length; i++) value = value * 10 + (text[i] - '0');
        return value;
    }
}

using System.Globalization;

namespace Screening.App.Web.Shared;

/// <summary>
/// A value with its unit as clinicians write it: <c>T-score −2.4</c> (not <c>-2.4 {T-score}</c>), <c>8.6 mg/dL</c>,
/// <c>3.5 g/dL</c>; negative numbers with a true minus sign (U+2212). UCUM annotations such as <c>{T-score}</c> are
/// dimensionless, so their name goes before the number.
/// </summary>
public static class Quantities
{
    public static string Of(decimal? value, string? unit)
    {
        if (value is not { } v) return "";
        var number = Number(v);
        return unit switch
        {
            null or "" or "1" => number,
            ['{', .. var name, '}'] => name + " " + number,
            _ => number + " " + unit,
        };
    }

    public static string Number(decimal value)
    {
        var text = Math.Abs(value).ToString("0.##", CultureInfo.InvariantCulture);
        return value < 0 ? "\u2212" + text : text;
    }
}

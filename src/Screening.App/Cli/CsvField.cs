using System.Globalization;

namespace Screening.App.Cli;

/// <summary>
/// One CSV field per RFC 4180 (quoted, with doubled quotes, only when it holds a comma, quote or line break), with
/// spreadsheet formulas neutralised (CSV injection, OWASP): a text starting with = + - @ tab or carriage return gets a
/// leading apostrophe; plain numbers ("-1.5") are left as they are.
/// Shared by every CSV the product writes (task list, reject list, worklist export).
/// </summary>
public static class CsvField
{
    public static string Escape(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r' && !decimal.TryParse(value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) < 0 ? value : "\"" + value.Replace("\"", "\"\"") + "\"";
    }
}

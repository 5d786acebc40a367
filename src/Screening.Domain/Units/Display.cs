using System.Globalization;

namespace Screening.Domain.Units;

/// <summary>Invariant number and date formatting for task text and rule listings.</summary>
internal static class Display
{
    /// <summary>At most two decimals, trailing zeros dropped but one decimal kept (10.0, 10.25, 8.5).</summary>
    public static string Number(decimal value)
    {
        var rounded = decimal.Round(value, 2, MidpointRounding.AwayFromZero);
        return rounded.ToString("0.0#", CultureInfo.InvariantCulture);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static string Integer(int value) => value.ToString(CultureInfo.InvariantCulture);
}

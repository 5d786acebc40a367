using System.Globalization;

namespace Screening.Domain.Tests.Support;

/// <summary>The default as-of date of the tests and date helpers.</summary>
public static class Clinic
{
    public static readonly DateOnly Today = new(2025, 6, 30);

    public static DateOnly Date(string iso) => DateOnly.ParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>The ISO date <paramref name="days"/> days before <see cref="Today"/>.</summary>
    public static string DaysAgo(int days) => Iso(Today.AddDays(-days));

    public static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}

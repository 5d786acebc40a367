namespace Screening.Domain.Units;

/// <summary>A DXA T-score: standard deviations from the young-adult mean (dimensionless, UCUM <c>{T-score}</c>, §6.2).</summary>
public readonly record struct TScore(decimal StandardDeviations) : IComparable<TScore>
{
    public const string CanonicalUnit = "{T-score}";

    public static TScore Of(decimal value) => new(value);

    public int CompareTo(TScore other) => StandardDeviations.CompareTo(other.StandardDeviations);
    public static bool operator <(TScore a, TScore b) => a.StandardDeviations < b.StandardDeviations;
    public static bool operator >(TScore a, TScore b) => a.StandardDeviations > b.StandardDeviations;
    public static bool operator <=(TScore a, TScore b) => a.StandardDeviations <= b.StandardDeviations;
    public static bool operator >=(TScore a, TScore b) => a.StandardDeviations >= b.StandardDeviations;

    public override string ToString() => Display.Number(StandardDeviations);
}

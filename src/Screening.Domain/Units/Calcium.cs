namespace Screening.Domain.Units;

/// <summary>A total (or albumin-corrected) calcium concentration, held in mg/dL (clinical-rules §2.1, §6.5).</summary>
public readonly record struct Calcium(decimal MilligramsPerDeciliter) : IComparable<Calcium>
{
    public const string CanonicalUnit = "mg/dL";

    /// <summary>mg/dL = mmol/L ÷ 0.2495 (MW 40.078; MIRACUM factor 0.249500998, clinical-rules §2.1).</summary>
    public const decimal MillimolesPerLiterPerMilligramPerDeciliter = 0.2495m;

    public static Calcium FromMilligramsPerDeciliter(decimal value) => new(value);
    public static Calcium FromMillimolesPerLiter(decimal value) => new(value / MillimolesPerLiterPerMilligramPerDeciliter);

    public decimal MillimolesPerLiter => MilligramsPerDeciliter * MillimolesPerLiterPerMilligramPerDeciliter;

    public int CompareTo(Calcium other) => MilligramsPerDeciliter.CompareTo(other.MilligramsPerDeciliter);
    public static bool operator <(Calcium a, Calcium b) => a.MilligramsPerDeciliter < b.MilligramsPerDeciliter;
    public static bool operator >(Calcium a, Calcium b) => a.MilligramsPerDeciliter > b.MilligramsPerDeciliter;
    public static bool operator <=(Calcium a, Calcium b) => a.MilligramsPerDeciliter <= b.MilligramsPerDeciliter;
    public static bool operator >=(Calcium a, Calcium b) => a.MilligramsPerDeciliter >= b.MilligramsPerDeciliter;

    public override string ToString() => Display.Number(MilligramsPerDeciliter) + " " + CanonicalUnit;
}

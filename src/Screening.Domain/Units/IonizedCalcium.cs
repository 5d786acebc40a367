namespace Screening.Domain.Units;

/// <summary>An ionized calcium concentration, held in mmol/L (clinical-rules §2.3, §6.5).</summary>
public readonly record struct IonizedCalcium(decimal MillimolesPerLiter) : IComparable<IonizedCalcium>
{
    public const string CanonicalUnit = "mmol/L";

    public static IonizedCalcium FromMillimolesPerLiter(decimal value) => new(value);

    /// <summary>mmol/L = mg/dL × 0.2495 (clinical-rules §6.5).</summary>
    public static IonizedCalcium FromMilligramsPerDeciliter(decimal value) => new(value * Calcium.MillimolesPerLiterPerMilligramPerDeciliter);

    /// <summary>mmol/L = mEq/L ÷ 2 (Ca²⁺ is divalent, clinical-rules §2.3).</summary>
    public static IonizedCalcium FromMilliequivalentsPerLiter(decimal value) => new(value / 2m);

    public int CompareTo(IonizedCalcium other) => MillimolesPerLiter.CompareTo(other.MillimolesPerLiter);
    public static bool operator <(IonizedCalcium a, IonizedCalcium b) => a.MillimolesPerLiter < b.MillimolesPerLiter;
    public static bool operator >(IonizedCalcium a, IonizedCalcium b) => a.MillimolesPerLiter > b.MillimolesPerLiter;
    public static bool operator <=(IonizedCalcium a, IonizedCalcium b) => a.MillimolesPerLiter <= b.MillimolesPerLiter;
    public static bool operator >=(IonizedCalcium a, IonizedCalcium b) => a.MillimolesPerLiter >= b.MillimolesPerLiter;

    public override string ToString() => Display.Number(MillimolesPerLiter) + " " + CanonicalUnit;
}

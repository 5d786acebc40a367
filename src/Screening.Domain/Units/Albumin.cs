namespace Screening.Domain.Units;

/// <summary>A serum albumin concentration, held in g/dL (clinical-rules §2.2, §6.5).</summary>
public readonly record struct Albumin(decimal GramsPerDeciliter) : IComparable<Albumin>
{
    public const string CanonicalUnit = "g/dL";

    /// <summary>g/dL = µmol/L ÷ 150.5 (albumin MW ≈ 66.5 kDa, clinical-rules §6.5).</summary>
    public const decimal MicromolesPerLiterPerGramPerDeciliter = 150.5m;

    public static Albumin FromGramsPerDeciliter(decimal value) => new(value);
    public static Albumin FromGramsPerLiter(decimal value) => new(value / 10m);
    public static Albumin FromMicromolesPerLiter(decimal value) => new(value / MicromolesPerLiterPerGramPerDeciliter);

    public int CompareTo(Albumin other) => GramsPerDeciliter.CompareTo(other.GramsPerDeciliter);
    public static bool operator <(Albumin a, Albumin b) => a.GramsPerDeciliter < b.GramsPerDeciliter;
    public static bool operator >(Albumin a, Albumin b) => a.GramsPerDeciliter > b.GramsPerDeciliter;
    public static bool operator <=(Albumin a, Albumin b) => a.GramsPerDeciliter <= b.GramsPerDeciliter;
    public static bool operator >=(Albumin a, Albumin b) => a.GramsPerDeciliter >= b.GramsPerDeciliter;

    public override string ToString() => Display.Number(GramsPerDeciliter) + " " + CanonicalUnit;
}

namespace Screening.Domain.Units;

/// <summary>A hemoglobin concentration, held in g/dL (clinical-rules §1.3, §6.5).</summary>
public readonly record struct Hemoglobin(decimal GramsPerDeciliter) : IComparable<Hemoglobin>
{
    public const string CanonicalUnit = "g/dL";

    /// <summary>Hb monomer: g/dL = mmol/L × 1.611 (MIRACUM conversion table, clinical-rules §1.3).</summary>
    public const decimal GramsPerDeciliterPerMillimolePerLiter = 1.611m;

    public static Hemoglobin FromGramsPerDeciliter(decimal value) => new(value);
    public static Hemoglobin FromGramsPerLiter(decimal value) => new(value / 10m);
    public static Hemoglobin FromMillimolesPerLiter(decimal value) => new(value * GramsPerDeciliterPerMillimolePerLiter);

    public int CompareTo(Hemoglobin other) => GramsPerDeciliter.CompareTo(other.GramsPerDeciliter);
    public static bool operator <(Hemoglobin a, Hemoglobin b) => a.GramsPerDeciliter < b.GramsPerDeciliter;
    public static bool operator >(Hemoglobin a, Hemoglobin b) => a.GramsPerDeciliter > b.GramsPerDeciliter;
    public static bool operator <=(Hemoglobin a, Hemoglobin b) => a.GramsPerDeciliter <= b.GramsPerDeciliter;
    public static bool operator >=(Hemoglobin a, Hemoglobin b) => a.GramsPerDeciliter >= b.GramsPerDeciliter;

    public override string ToString() => Display.Number(GramsPerDeciliter) + " " + CanonicalUnit;
}

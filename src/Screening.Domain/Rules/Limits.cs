namespace Screening.Domain.Rules;

/// <summary>An inclusive range of a unit-typed quantity, e.g. plausible hemoglobin 2–25 g/dL.</summary>
public readonly record struct Limits<T>(T Min, T Max) where T : struct, IComparable<T>
{
    public bool Contains(T value) => value.CompareTo(Min) >= 0 && value.CompareTo(Max) <= 0;
}

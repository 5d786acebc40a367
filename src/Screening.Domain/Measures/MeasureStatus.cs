namespace Screening.Domain.Measures;

/// <summary>Where one patient stands in one measure: outside it, in the denominator but excluded, in the numerator, or a gap.</summary>
public enum MeasureStatus { NotInDenominator, Excluded, Numerator, NotMet }

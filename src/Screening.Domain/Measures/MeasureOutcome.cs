namespace Screening.Domain.Measures;

/// <summary>One patient in one measure on one as-of date; <see cref="Reason"/> names the exclusion or the event that met it.</summary>
public sealed record MeasureOutcome(string Measure, MeasureStatus Status, string? Reason = null);

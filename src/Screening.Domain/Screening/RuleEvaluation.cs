namespace Screening.Domain.Screening;

/// <summary>A rule's outcome plus the day its current streak first met count and span (for the DXA program-policy arm).</summary>
internal readonly record struct RuleEvaluation(RuleOutcome Outcome, DateOnly? MetOn = null);

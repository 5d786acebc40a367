namespace Screening.Domain.Screening;

/// <summary>A value in the rule's canonical unit on a calendar day, e.g. the lowest Hb of a streak.</summary>
public sealed record MeasuredValue(decimal Value, string Unit, DateOnly At);

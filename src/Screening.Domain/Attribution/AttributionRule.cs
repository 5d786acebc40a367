namespace Screening.Domain.Attribution;

/// <summary>One row of the attribution table: patients whose <see cref="Basis"/> equals <see cref="Value"/> belong to <see cref="Team"/>.</summary>
public sealed record AttributionRule(AttributionBasis Basis, string Value, string Team);

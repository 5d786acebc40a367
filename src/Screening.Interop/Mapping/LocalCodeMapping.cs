namespace Screening.Interop.Mapping;

/// <summary>One local code's LOINC, and optionally the UCUM unit to use instead of the unit the source sends.</summary>
public sealed record LocalCodeMapping(string Loinc, string? UnitOverride);

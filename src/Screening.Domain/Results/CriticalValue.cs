namespace Screening.Domain.Results;

/// <summary>
/// A single result in the severe range, for the immediate clinical-alert path (clinical-rules §9.1 "Severe values"):
/// analyte name, value in the canonical unit, collection day, the limit it fell below, and a one-line text.
/// </summary>
public sealed record CriticalValue(
    string Analyte,
    decimal Value,
    string Unit,
    DateOnly CollectedOn,
    string Summary,
    string SourceSystem,
    string ResultId,
    string Loinc,
    decimal Limit);

namespace Screening.Domain.Screening;

/// <summary>One fact a finding rests on: a result (or DXA procedure) with its value in canonical unit and date.</summary>
public sealed record EvidenceItem(
    string SourceSystem,
    string ResultId,
    string Code,
    decimal? Value,
    string? Unit,
    DateOnly On,
    string? Note = null);

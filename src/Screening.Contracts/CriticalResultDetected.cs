namespace Screening.Contracts;

/// <summary>
/// A single result in the severe range (clinical-rules §9.1 "Severe values") was stored: raised at ingest time,
/// not at night, for the clinical-alert path. Internal ids only.
/// </summary>
public sealed record CriticalResultDetected
{
    public required long EventId { get; init; }
    public required long PatientKey { get; init; }
    public required long TaskId { get; init; }
    public required string Analyte { get; init; }
    public required decimal Value { get; init; }
    public required string Unit { get; init; }
    public required DateOnly CollectedOn { get; init; }
    public required string CareTeam { get; init; }
    public required DateTimeOffset OccurredAt { get; init; }
}

namespace Screening.Domain.Results;

/// <summary>
/// One version of one laboratory result. Identity is (<see cref="SourceSystem"/>, <see cref="ResultId"/>);
/// among versions of one identity the highest <see cref="Sequence"/> (arrival order) wins whatever its status
/// (§9.4b). <see cref="Value"/>/<see cref="Unit"/> are as reported (UCUM spelling normalised by the reader);
/// the rules convert units themselves. <see cref="CollectedOn"/> is the calendar day as written in the
/// collection timestamp.
/// </summary>
public sealed record LabObservation(
    string SourceSystem,
    string ResultId,
    long Sequence,
    string Loinc,
    decimal Value,
    string Unit,
    DateOnly CollectedOn,
    ResultStatus Status,
    EncounterSetting Setting = EncounterSetting.Outpatient,
    decimal? ReferenceLow = null,
    decimal? ReferenceHigh = null);

namespace Screening.Domain.Results;

/// <summary>Where the specimen was taken; only outpatient specimens count for persistence (§9.1, §9.4b).</summary>
public enum EncounterSetting { Outpatient, Inpatient, Emergency, Dialysis }

namespace Screening.Domain.Patients;

/// <summary>The coding systems the readers keep and the rules match on (system + code). New members go last: stored as text.</summary>
public enum CodeSystem { Other, Icd10, Snomed, Cpt, Loinc, RxNorm }

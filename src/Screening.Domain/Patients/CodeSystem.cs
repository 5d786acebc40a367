namespace Screening.Domain.Patients;

public enum CodeSystem { Other, Icd10, Snomed, Cpt, Loinc }

using Screening.Domain.Results;
using Screening.Contracts;
using Screening.Interop.Csv;
using Screening.Interop.Fhir;

namespace Screening.Interop.Synthea;

/// <summary>
/// One row of a Synthea CSV export → a contract record. Column names differ between Synthea versions
/// (procedures DATE vs START, optional SYSTEM / CATEGORY / TYPE columns): each reader picks what is present.
/// </summary>
internal static class SyntheaRows
{
    public const string Source = "synthea";

    public static void Patient(CsvRows row, ReadOutcomeBuilder output)
    {
        if (row["Id"].Length == 0) { Reject(row, output, RejectReasons.UnknownPatientId, "Id is empty", "Id"); return; }
        var birth = FhirJson.Date(row["BIRTHDATE"]);
        if (row["BIRTHDATE"].Length > 0 && birth is null) { Reject(row, output, RejectReasons.Unparseable, "BIRTHDATE is not yyyy-MM-dd", "BIRTHDATE"); return; }
        output.Patients.Add(new PatientUpdated
        {
            SourceSystem = Source,
            PatientId = row["Id"],
            Sex = row["GENDER"] switch { "F" => "female", "M" => "male", "" => null, _ => "unknown" },
            BirthDate = birth,
            DeceasedDate = FhirJson.Date(row["DEATHDATE"]),
            Demographics = Demographics(row),
        });
    }

    /// <summary>FIRST/LAST (Synthea appends digits to synthetic names: kept as written), ADDRESS, CITY, STATE, ZIP, PHONE if present.</summary>
    private static PatientDemographics? Demographics(CsvRows row)
    {
        var cityLine = string.Join(' ', new[] { row["CITY"].Length > 0 && row["STATE"].Length > 0 ? row["CITY"] + "," : row["CITY"], row["STATE"], row["ZIP"] }
            .Where(p => p.Length > 0));
        var address = new[] { row["ADDRESS"], cityLine }.Where(l => l.Length > 0).ToArray();
        var d = new PatientDemographics
        {
            Name = row["LAST"].Length > 0 || row["FIRST"].Length > 0
                ? new PersonName { Family = row["LAST"].Length > 0 ? row["LAST"] : null, Given = row["FIRST"].Length > 0 ? [row["FIRST"]] : [] }
                : null,
            Address = address.Length > 0 ? address : null,
            Phones = row["PHONE"].Length > 0 ? [row["PHONE"]] : null,
        };
        return d.Name is null && d.Address is null && d.Phones is null ? null : d;
    }

    /// <summary>Numeric LOINC observations only; identity PATIENT|DATE|CODE|n, n counting repeats within the patient's rows.</summary>
    public static void Observation(CsvRows row, ReadOutcomeBuilder output, SyntheaObservationKeys keys, IReadOnlyDictionary<string, string> encounters)
    {
        var value = CsvRows.Decimal(row["VALUE"]);
        if ((row["TYPE"].Length > 0 && row["TYPE"] != "numeric") || value is null)
        {
            output.Ignored++;
            return;
        }
        var patient = row["PATIENT"];
        if (patient.Length == 0) { Reject(row, output, RejectReasons.UnknownPatientId, "PATIENT is empty", "PATIENT"); return; }
        var code = row["CODE"];
        if (!LoincCode.HasValidCheckDigit(code))
        {
            output.Ignored++; // Synthea's own measures (QALY, DALY, QOLS) are not LOINC and not lab results
            return;
        }
        var collectedAt = FhirJson.DateTime(row["DATE"]);
        if (collectedAt is null) { Reject(row, output, RejectReasons.MissingCollectionTime, "DATE is empty or not ISO 8601", "DATE"); return; }
        output.Results.Add(new LabResultReported
        {
            SourceSystem = Source,
            ResultId = keys.Next(patient, row["DATE"], code),
            PatientId = patient,
            Loinc = code,
            Value = value,
            Unit = Mapping.UnitSpelling.Normalize(row["UNITS"]),
            CollectedAt = collectedAt,
            Status = "final",
            EncounterClass = encounters.TryGetValue(row["ENCOUNTER"], out var setting) ? setting : null,
        });
    }

    public static void Procedure(CsvRows row, ReadOutcomeBuilder output, string? dateColumn)
    {
        if (row["PATIENT"].Length == 0) { Reject(row, output, RejectReasons.UnknownPatientId, "PATIENT is empty", "PATIENT"); return; }
        if (FhirJson.Date(row[dateColumn]) is not { } performedOn) { Reject(row, output, RejectReasons.MissingField, "START/DATE is empty or not ISO 8601", dateColumn ?? "START"); return; }
        var system = CodeSystem(row["SYSTEM"]);
        if (system is null || row["CODE"].Length == 0) { output.Ignored++; return; }
        output.Procedures.Add(new ProcedureReported
        {
            SourceSystem = Source,
            PatientId = row["PATIENT"],
            ProcedureId = $"{row["PATIENT"]}|{row[dateColumn]}|{row["CODE"]}",
            Code = row["CODE"],
            System = system,
            PerformedOn = performedOn,
        });
    }

    public static void Condition(CsvRows row, ReadOutcomeBuilder output)
    {
        if (row["PATIENT"].Length == 0) { Reject(row, output, RejectReasons.UnknownPatientId, "PATIENT is empty", "PATIENT"); return; }
        var system = CodeSystem(row["SYSTEM"]);
        if (system is null || row["CODE"].Length == 0) { output.Ignored++; return; }
        output.Conditions.Add(new ConditionReported
        {
            SourceSystem = Source,
            PatientId = row["PATIENT"],
            Code = row["CODE"],
            System = system == "cpt" ? "snomed" : system,
            Onset = FhirJson.Date(row["START"]),
            Abatement = FhirJson.Date(row["STOP"]),
        });
    }

    /// <summary>ENCOUNTERCLASS → contract encounter class; urgent care counts as emergency (not a routine outpatient draw).</summary>
    public static string EncounterClass(string synthea) => synthea switch
    {
        "inpatient" => "inpatient",
        "emergency" or "urgentcare" => "emergency",
        _ => "outpatient",
    };

    private static string? CodeSystem(string system) => system.ToUpperInvariant() switch
    {
        "" or "SNOMED-CT" or "SNOMED" or "SCT" => "snomed",
        "CPT" => "cpt",
        "ICD10" or "ICD-10" or "ICD-10-CM" or "ICD10CM" => "icd10",
        _ => null,
    };

    private static void Reject(CsvRows row, ReadOutcomeBuilder output, string reason, string detail, string column)
        => output.Reject(reason, detail, row.Where(column), row.RawRow);
}

using Screening.Domain.Results;
using Screening.Contracts;
using Screening.Interop.Mapping;

namespace Screening.Interop.Ndjson;

/// <summary>Canonical NDJSON objects → contract records (the field names of each <c>type</c>).</summary>
internal static class CanonicalRecords
{
    public static PatientUpdated Patient(CanonicalRecord r) => new()
    {
        SourceSystem = r.Optional("sourceSystem") ?? "default",
        PatientId = r.Required("patientId", RejectReasons.UnknownPatientId),
        PatientSystem = NonEmpty(r.Optional("patientSystem")),
        PatientIdType = NonEmpty(r.Optional("patientIdType")),
        Identifiers = r.Identifiers("identifiers"),
        Demographics = r.Demographics("demographics"),
        Sex = r.OneOf("sex", RejectReasons.Unparseable, null, "female", "male", "other", "unknown"),
        BirthDate = r.Date("birthDate"),
        DeceasedDate = r.Date("deceasedDate"),
        CareTeam = r.Optional("careTeam"),
        Hospice = r.Flag("hospice"),
        OptedOut = r.Flag("optedOut"),
    };

    public static LabResultReported LabResult(CanonicalRecord r, LocalCodeMap codes)
    {
        var source = r.Optional("sourceSystem") is { Length: > 0 } s ? s : "default";
        var patientId = r.Required("patientId", RejectReasons.UnknownPatientId);
        var resultId = r.Required("resultId");
        var code = r.Required("loinc");
        var local = r.OneOf("codeSystem", RejectReasons.Unparseable, "loinc", "loinc", "local") == "local";
        var unit = UnitSpelling.Normalize(r.Optional("unit"));
        var loinc = code;
        if (local && r.Problem is null)
        {
            if (codes.Find(source, code) is { } mapping)
            {
                loinc = mapping.Loinc;
                unit = UnitSpelling.Normalize(mapping.UnitOverride) ?? unit;
            }
            else r.Fail(RejectReasons.UnmappedCode, $"local code '{code}' of source '{source}' has no LOINC mapping", "loinc");
        }
        else if (!LoincCode.HasValidCheckDigit(code) && code.Length > 0) r.Fail(RejectReasons.UnmappedCode, $"'{code}' is not a well-formed LOINC code", "loinc");
        return new LabResultReported
        {
            SourceSystem = source,
            ResultId = resultId,
            PatientId = patientId,
            PatientSystem = NonEmpty(r.Optional("patientSystem")),
            Loinc = loinc,
            Value = r.Number("value"),
            Unit = unit,
            CollectedAt = r.Timestamp("collectedAt", RejectReasons.MissingCollectionTime),
            Status = r.OneOf("status", RejectReasons.InvalidStatus, "final",
                "final", "amended", "corrected", "preliminary", "registered", "cancelled", "entered-in-error") ?? "final",
            EncounterClass = r.OneOf("encounterClass", RejectReasons.Unparseable, null, "outpatient", "inpatient", "emergency", "dialysis"),
            ReferenceLow = r.Number("referenceLow"),
            ReferenceHigh = r.Number("referenceHigh"),
        };
    }

    public static ConditionReported Condition(CanonicalRecord r) => new()
    {
        SourceSystem = r.Optional("sourceSystem") ?? "default",
        PatientId = r.Required("patientId", RejectReasons.UnknownPatientId),
        PatientSystem = NonEmpty(r.Optional("patientSystem")),
        Code = r.Required("code"),
        System = r.OneOf("system", RejectReasons.UnmappedCode, "icd10", "icd10", "snomed") ?? "icd10",
        Onset = r.Date("onset"),
        Abatement = r.Date("abatement"),
    };

    public static ProcedureReported Procedure(CanonicalRecord r) => new()
    {
        SourceSystem = r.Optional("sourceSystem") ?? "default",
        PatientId = r.Required("patientId", RejectReasons.UnknownPatientId),
        PatientSystem = NonEmpty(r.Optional("patientSystem")),
        ProcedureId = r.Optional("procedureId"),
        Code = r.Required("code"),
        System = r.OneOf("system", RejectReasons.UnmappedCode, "cpt", "cpt", "snomed") ?? "cpt",
        PerformedOn = (r.Has("performedOn") ? r.Date("performedOn", required: true) : r.Date("performedAt", required: true)) ?? default,
    };

    /// <summary><c>{"type": "merge", "retired": {system, value, type}, "survivor": {…}}</c> (a stored invalid-merge reject).</summary>
    public static PatientMergeReported? Merge(System.Text.Json.JsonElement root)
    {
        try
        {
            var merge = System.Text.Json.JsonSerializer.Deserialize<PatientMergeReported>(root, new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web));
            return merge is { Retired.Value.Length: > 0, Survivor.Value.Length: > 0 } ? merge : null;
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

using Screening.Domain.Results;
using Screening.Contracts;
using Screening.Interop.Fhir;
using Screening.Interop.Mapping;

namespace Screening.Interop.Csv;

/// <summary>
/// A plain results CSV with the header
/// <c>patient_id,result_id,source_system,loinc,value,unit,collected_at,status,encounter_class,reference_low,reference_high</c>.
/// Required: patient_id, result_id, loinc, value, unit, collected_at (ISO 8601 date or date-time). Optional:
/// source_system (default "csv"), status (default final), encounter_class (default outpatient), reference_low/high.
/// Streams in batches; each bad row is rejected with its line number.
/// </summary>
public static class ResultsCsvReader
{
    private static readonly string[] Required = ["patient_id", "result_id", "loinc", "value", "unit", "collected_at"];
    private static readonly HashSet<string> Statuses =
        ["final", "amended", "corrected", "preliminary", "registered", "cancelled", "entered-in-error"];

    public static IEnumerable<ReadOutcome> ReadFileBatches(string path, int batchSize = 1000)
    {
        using var reader = LineBatches.Open(path);
        foreach (var batch in ReadBatches(reader, batchSize)) yield return batch;
    }

    public static IEnumerable<ReadOutcome> ReadBatches(TextReader reader, int batchSize = 1000)
    {
        using var rows = new CsvRows(reader);
        var missing = rows.Missing(Required).ToList();
        if (missing.Count > 0)
        {
            yield return ReadOutcome.Rejected(RejectReasons.MissingField, $"header lacks {string.Join(", ", missing)}", "line 1", "");
            yield break;
        }
        var output = new ReadOutcomeBuilder();
        while (rows.Next())
        {
            Row(rows, output);
            if (output.Count < batchSize) continue;
            yield return output.Build();
            output.Clear();
        }
        if (rows.Failure is { } failure) output.Reject(RejectReasons.Unparseable, failure, $"line {rows.Line}", "");
        if (output.Count > 0) yield return output.Build();
    }

    private static void Row(CsvRows row, ReadOutcomeBuilder output)
    {
        void Reject(string reason, string detail, string column) => output.Reject(reason, detail, $"line {row.Line}: {column}", row.RawRow);

        if (row["patient_id"].Length == 0) { Reject(RejectReasons.UnknownPatientId, "patient_id is empty", "patient_id"); return; }
        if (row["result_id"].Length == 0) { Reject(RejectReasons.MissingField, "result_id is empty", "result_id"); return; }
        if (!LoincCode.HasValidCheckDigit(row["loinc"])) { Reject(RejectReasons.UnmappedCode, $"'{row["loinc"]}' is not a well-formed LOINC code", "loinc"); return; }
        var status = row["status"] is { Length: > 0 } s ? s : "final";
        if (!Statuses.Contains(status)) { Reject(RejectReasons.InvalidStatus, $"status '{status}' is not a known result status", "status"); return; }
        var collectedAt = FhirJson.DateTime(row["collected_at"]);
        if (collectedAt is null) { Reject(RejectReasons.MissingCollectionTime, "collected_at is empty or not an ISO 8601 date/date-time", "collected_at"); return; }
        var value = CsvRows.Decimal(row["value"]);
        if (value is null && row["value"].Length > 0) { Reject(RejectReasons.MissingValue, $"value '{row["value"]}' is not a number", "value"); return; }
        var setting = row["encounter_class"] is { Length: > 0 } e ? e : "outpatient";
        if (setting is not ("outpatient" or "inpatient" or "emergency" or "dialysis")) { Reject(RejectReasons.Unparseable, $"encounter_class '{setting}' is unknown", "encounter_class"); return; }
        output.Results.Add(new LabResultReported
        {
            SourceSystem = row["source_system"] is { Length: > 0 } source ? source : "csv",
            ResultId = row["result_id"],
            PatientId = row["patient_id"],
            PatientSystem = row["patient_system"] is { Length: > 0 } patientSystem ? patientSystem : null,
            Loinc = row["loinc"],
            Value = value,
            Unit = UnitSpelling.Normalize(row["unit"]),
            CollectedAt = collectedAt,
            Status = status,
            EncounterClass = setting,
            ReferenceLow = CsvRows.Decimal(row["reference_low"]),
            ReferenceHigh = CsvRows.Decimal(row["reference_high"]),
        });
    }
}

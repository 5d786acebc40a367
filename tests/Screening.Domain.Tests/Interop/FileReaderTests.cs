using Screening.Interop;
using Screening.Interop.Csv;
using Screening.Interop.Mapping;
using Screening.Interop.Ndjson;
using Screening.Interop.Synthea;
using Screening.Domain.Codes;

namespace Screening.Domain.Tests.Interop;

public class FileReaderTests
{
    private static ReadOutcome All(IEnumerable<ReadOutcome> batches)
    {
        var list = batches.ToList();
        return new ReadOutcome
        {
            Patients = list.SelectMany(b => b.Patients).ToList(),
            Results = list.SelectMany(b => b.Results).ToList(),
            Conditions = list.SelectMany(b => b.Conditions).ToList(),
            Procedures = list.SelectMany(b => b.Procedures).ToList(),
            Rejects = list.SelectMany(b => b.Rejects).ToList(),
            Ignored = list.Sum(b => b.Ignored),
        };
    }

    [Fact]
    public void Canonical_ndjson_reads_every_type_and_reports_bad_lines_by_number_without_stopping()
    {
        var outcome = All(CanonicalNdjsonReader.ReadFileBatches(Fixtures.Path("ndjson", "population.ndjson"), LocalCodeMap.Empty, batchSize: 2));

        var patient = Assert.Single(outcome.Patients);
        Assert.Equal(("P1", "female", new DateOnly(1950, 4, 2), "north"), (patient.PatientId, patient.Sex!, patient.BirthDate!.Value, patient.CareTeam!));
        Assert.Equal(["R1", "R2", "R1"], outcome.Results.Select(r => r.ResultId));
        Assert.Equal(("lab-a", "g/dL", 12.0m), (outcome.Results[1].SourceSystem, outcome.Results[1].Unit!, outcome.Results[1].ReferenceLow!.Value));
        Assert.Equal(("N18.4", "icd10"), (Assert.Single(outcome.Conditions).Code, outcome.Conditions[0].System));
        Assert.Equal(new DateOnly(2019, 5, 1), Assert.Single(outcome.Procedures).PerformedOn);
        Assert.Equal(
            ["line 4: $.value unparseable", "line 6 unparseable", "line 9: $.type unsupported-message", "line 11: $.status invalid-status"],
            outcome.Rejects.Select(r => $"{r.Location} {r.ReasonCode}"));
        Assert.Equal("not even json", outcome.Rejects[1].Payload);
    }

    [Theory]
    [InlineData("""{"type":"labResult","resultId":"R","loinc":"718-7","value":1,"unit":"g/dL","collectedAt":"2024-01-01"}""", RejectReasons.UnknownPatientId)]
    [InlineData("""{"type":"labResult","patientId":"P","resultId":"R","loinc":"718-7","value":1,"unit":"g/dL"}""", RejectReasons.MissingCollectionTime)]
    [InlineData("""{"type":"labResult","patientId":"P","resultId":"R","loinc":"718-7","value":1,"unit":"g/dL","collectedAt":"01/02/2024"}""", RejectReasons.MissingCollectionTime)]
    [InlineData("""{"type":"labResult","patientId":"P","resultId":"R","loinc":"HGB","value":1,"unit":"g/dL","collectedAt":"2024-01-01"}""", RejectReasons.UnmappedCode)]
    [InlineData("""{"type":"labResult","patientId":"P","resultId":"R","loinc":"HGB","codeSystem":"local","value":1,"unit":"g/dL","collectedAt":"2024-01-01"}""", RejectReasons.UnmappedCode)]
    [InlineData("""{"type":"labResult","patientId":"P","loinc":"718-7","value":1,"unit":"g/dL","collectedAt":"2024-01-01"}""", RejectReasons.MissingField)]
    [InlineData("""{"patientId":"P"}""", RejectReasons.MissingField)]
    [InlineData("""[1]""", RejectReasons.Unparseable)]
    public void Canonical_json_objects_with_problems_are_rejected_with_a_reason(string json, string reason)
        => Assert.Equal(reason, Assert.Single(CanonicalNdjsonReader.ReadObject(json, LocalCodeMap.Empty).Rejects).ReasonCode);

    [Fact]
    public void Canonical_json_local_code_is_mapped_per_source_system()
    {
        var json = """{"type":"labResult","sourceSystem":"DHC","patientId":"P","resultId":"R","loinc":"HGB","codeSystem":"local","value":11,"unit":"g/dl","collectedAt":"2024-01-01"}""";
        var result = Assert.Single(CanonicalNdjsonReader.ReadObject(json, LocalCodeMap.Empty.With("DHC", "HGB", "718-7")).Results);
        Assert.Equal(("718-7", "g/dL"), (result.Loinc, result.Unit!));
    }

    [Fact]
    public void Results_csv_reads_rows_and_rejects_bad_rows_with_their_line_numbers()
    {
        var outcome = All(ResultsCsvReader.ReadFileBatches(Fixtures.Path("csv", "results.csv")));

        Assert.Equal(["R1", "R2", "R3", "R4"], outcome.Results.Select(r => r.ResultId));
        var first = outcome.Results[0];
        Assert.Equal(("lab-a", "g/dL", 11.1m, 12.0m, "outpatient"), (first.SourceSystem, first.Unit!, first.Value!.Value, first.ReferenceLow!.Value, first.EncounterClass!));
        Assert.Equal(("csv", "final", "outpatient"), (outcome.Results[1].SourceSystem, outcome.Results[1].Status, outcome.Results[1].EncounterClass!));
        Assert.Equal(("inpatient", null), (outcome.Results[2].EncounterClass!, outcome.Results[3].Value));
        Assert.Equal(
            ["line 6: patient_id unknown-patient-id", "line 7: loinc unmapped-code", "line 8: collected_at missing-collection-time",
             "line 9: status invalid-status", "line 10: value missing-value"],
            outcome.Rejects.Select(r => $"{r.Location} {r.ReasonCode}"));
    }

    [Fact]
    public void Results_csv_without_the_required_header_is_rejected_once()
    {
        var reject = Assert.Single(All(ResultsCsvReader.ReadBatches(new StringReader("a,b\n1,2\n"))).Rejects);
        Assert.Equal((RejectReasons.MissingField, "line 1"), (reject.ReasonCode, reject.Location));
    }

    [Fact]
    public void Results_csv_with_an_unclosed_quote_loses_only_that_row()
    {
        var csv = "patient_id,result_id,loinc,value,unit,collected_at\nP1,\"R1,718-7,11,g/dL,2024-01-01\nP1,R2,718-7,11,g/dL,2024-01-02\n";
        var outcome = All(ResultsCsvReader.ReadBatches(new StringReader(csv)));
        Assert.Contains(outcome.Results, r => r.ResultId == "R2");
    }

    [Theory]
    [InlineData("dverma11-pophealth", 16)]
    [InlineData("ohdsi-dbt-synthea", 27)]
    public void Synthea_exports_of_both_versions_are_read(string export, int patients)
    {
        var outcome = All(SyntheaExportReader.ReadBatches(Fixtures.Path("synthea", export), batchSize: 500));

        Assert.Empty(outcome.Rejects);
        Assert.Equal(patients, outcome.Patients.Count);
        Assert.NotEmpty(outcome.Results);
        Assert.NotEmpty(outcome.Procedures);
        Assert.NotEmpty(outcome.Conditions);
        Assert.All(outcome.Results, r => Assert.Equal("synthea", r.SourceSystem));
        Assert.Equal(outcome.Results.Count, outcome.Results.Select(r => r.ResultId).Distinct().Count());
    }

    [Fact]
    public void Synthea_hemoglobin_carries_the_encounter_class_and_a_deterministic_id()
    {
        var first = All(SyntheaExportReader.ReadBatches(Fixtures.Path("synthea", "dverma11-pophealth")));
        var second = All(SyntheaExportReader.ReadBatches(Fixtures.Path("synthea", "dverma11-pophealth")));

        var hb = first.Results.Where(r => r.Loinc == "718-7" && r.PatientId.StartsWith("4da67a54")).ToList();
        Assert.Equal(10, hb.Count);
        Assert.Equal($"{hb[0].PatientId}|2023-11-11T10:18:14Z|718-7|1", hb.Single(r => r.Value == 11.3m).ResultId);
        Assert.Equal("inpatient", hb.Single(r => r.Value == 11.3m).EncounterClass);
        Assert.Equal("emergency", hb.Single(r => r.Value == 12.1m).EncounterClass);
        Assert.Equal(first.Results.Select(r => r.ResultId), second.Results.Select(r => r.ResultId));
        var dxa = Assert.Single(first.Procedures.Where(p => p.Code == "312681000").Take(1));
        Assert.Equal("snomed", dxa.System);
    }

    [Fact]
    public void Raw_lab_result_json_without_a_type_reads_as_a_lab_result_when_the_queue_says_so()
    {
        var json = """{"sourceSystem":"lis","resultId":"R9","patientId":"P9","loinc":"718-7","value":10.2,"unit":"g/dL","collectedAt":"2024-04-01T08:00:00+02:00"}""";
        var result = Assert.Single(CanonicalNdjsonReader.ReadObject(json, LocalCodeMap.Empty, defaultType: "labResult").Results);
        Assert.Equal(("lis", "R9", "final"), (result.SourceSystem, result.ResultId, result.Status));
    }

    [Fact]
    public void File_import_streams_a_directory_in_batches_of_the_requested_size()
    {
        var batches = global::Screening.Interop.FileMode.FileImport.Batches(Fixtures.Path("synthea", "ohdsi-dbt-synthea"), null, LocalCodeMap.Empty, batchSize: 100).ToList();

        Assert.True(batches.Count > 10);
        Assert.All(batches, b => Assert.True(b.Batch.Patients.Count + b.Batch.Results.Count + b.Batch.Conditions.Count + b.Batch.Procedures.Count + b.Batch.Rejects.Count + b.Batch.Ignored <= 100));
        var records = batches[0].Batch.ToRecords("ohdsi-dbt-synthea:1");
        Assert.Equal(batches[0].Batch.Patients.Count, records.Patients.Count);
    }
}

using Screening.Interop;
using Screening.Interop.Fhir;
using Screening.Interop.Mapping;
using Screening.Domain.Codes;

namespace Screening.Domain.Tests.Interop;

public class FhirReaderTests
{
    private static ReadOutcome Read(params string[] path) => FhirReader.ReadFile(Fixtures.Fhir(path), LocalCodeMap.Empty);

    [Fact]
    public void Bundle_ghp_yields_hemoglobin_in_g_per_L_and_calcium_in_mmol_per_L_timed_by_their_panel()
    {
        var outcome = Read("Bundle-ghp.json");

        Assert.Empty(outcome.Rejects);
        var hb = Assert.Single(outcome.Results, r => r.Loinc == "718-7");
        Assert.Equal(("fhir", "r1", "pat2", 176m, "g/L"), (hb.SourceSystem, hb.ResultId, hb.PatientId, hb.Value!.Value, hb.Unit!));
        Assert.Equal(new DateTimeOffset(2015, 8, 16, 6, 40, 17, TimeSpan.Zero), hb.CollectedAt); // from panel p2 / report ghp
        Assert.Equal((135m, 180m), (hb.ReferenceLow!.Value, hb.ReferenceHigh!.Value));
        var calcium = Assert.Single(outcome.Results, r => r.Loinc == "2000-8");
        Assert.Equal((2.38m, "mmol/L"), (calcium.Value!.Value, calcium.Unit!));
        var albumin = Assert.Single(outcome.Results, r => r.Loinc == "1751-7");
        Assert.Equal((42m, "g/L"), (albumin.Value!.Value, albumin.Unit!));

        var hbVerdict = ResultValidation.Validate(hb, Fixtures.ReceivedAt);
        Assert.Equal(17.6m, hbVerdict.CanonicalValue);
        Assert.True(ResultValidation.Validate(calcium, Fixtures.ReceivedAt).IsAccepted);
        Assert.True(ResultValidation.Validate(albumin, Fixtures.ReceivedAt).IsAccepted);
    }

    [Fact]
    public void Bundle_ghp_ignores_specimens_reports_panels_and_non_target_analytes()
    {
        var outcome = Read("Bundle-ghp.json");

        Assert.True(outcome.Ignored >= 8); // report, 3 specimens, 3 panels, coded urine results
        var targets = outcome.Results.Where(r => !ResultValidation.Validate(r, Fixtures.ReceivedAt).IsIgnored).Select(r => r.Loinc).Order();
        Assert.Equal(["1751-7", "2000-8", "718-7"], targets);
    }

    [Fact]
    public void Bmd_observation_without_a_date_is_rejected_for_missing_collection_time()
    {
        var reject = Assert.Single(Read("Observation-bmd.json").Rejects);
        Assert.Equal((RejectReasons.MissingCollectionTime, "$.effectiveDateTime"), (reject.ReasonCode, reject.Location));
        Assert.Contains("\"bmd\"", reject.Payload);
    }

    [Fact]
    public void Observation_f005_uses_its_identifier_and_the_ucum_code_of_g_per_dl()
    {
        var hb = Assert.Single(Read("Observation-f005.json").Results);
        Assert.Equal(("http://www.bmc.nl/zorgportal/identifiers/observations", "6327", "f001"), (hb.SourceSystem, hb.ResultId, hb.PatientId));
        Assert.Equal((7.2m, "g/dL"), (hb.Value!.Value, hb.Unit!));
        Assert.Equal(new DateOnly(2013, 4, 5), DomainMapping.ToObservation(hb, 1).CollectedOn); // effectivePeriod.start
    }

    [Theory]
    [InlineData("dxa-hip-l-t-score-bmd.json", "80946-7", -1.62)]
    [InlineData("dxa-femur-l-t-score-bmd.json", "80948-3", -1.48)]
    public void Us_core_dxa_t_scores_are_dimensionless_results(string file, string loinc, double tScore)
    {
        var result = Assert.Single(Read("us-core", file).Results);
        Assert.Equal((loinc, (decimal)tScore, "1"), (result.Loinc, result.Value!.Value, result.Unit!));
        Assert.Equal("example", result.PatientId);
        var verdict = ResultValidation.Validate(result, Fixtures.ReceivedAt);
        Assert.True(verdict.IsAccepted, verdict.Detail);
        Assert.Equal((decimal)tScore, verdict.CanonicalValue);
    }

    [Fact]
    public void Us_core_serum_calcium_7_7_mg_per_dL_is_accepted()
    {
        var calcium = Assert.Single(Read("us-core", "observation-serum-calcium.json").Results);
        Assert.Equal(("17861-6", 7.7m, "mg/dL", 8.5m), (calcium.Loinc, calcium.Value!.Value, calcium.Unit!, calcium.ReferenceLow!.Value));
        Assert.Equal(new DateTimeOffset(2005, 7, 5, 0, 0, 0, TimeSpan.Zero), calcium.CollectedAt);
        Assert.True(ResultValidation.Validate(calcium, Fixtures.ReceivedAt).IsAccepted);
    }

    [Theory]
    [InlineData("Bundle-101.json", 17, 0)]
    [InlineData("Patient-f001.json", 0, 0)]
    [InlineData("Patient-pat2.json", 0, 0)]
    [InlineData("us-core/diagnosticreport-cbc.json", 0, 0)]
    [InlineData("us-core/diagnosticreport-metabolic-panel.json", 0, 0)]
    [InlineData("us-core/dxa-femur-l-armass-bmd.json", 1, 0)]
    [InlineData("us-core/dxa-hip-l-z-score-bmd.json", 1, 0)]
    [InlineData("us-core/observation-cbc-hemoglobin.json", 1, 0)]
    public void Every_fhir_fixture_parses(string file, int results, int rejects)
    {
        var outcome = Read(file.Split('/'));
        Assert.Equal((results, rejects), (outcome.Results.Count, outcome.Rejects.Count));
    }

    [Fact]
    public void Patient_id_is_the_first_identifier_value_with_sex_and_birth_date()
    {
        var patient = Assert.Single(Read("Patient-f001.json").Patients);
        Assert.Equal(("738472983", "male", new DateOnly(1944, 11, 17)), (patient.PatientId, patient.Sex!, patient.BirthDate!.Value));
    }

    [Fact]
    public void Observation_subject_resolves_to_the_identifier_of_the_patient_in_the_same_bundle()
    {
        var bundle = """
        {"resourceType":"Bundle","type":"transaction","entry":[
          {"fullUrl":"urn:uuid:a1","resource":{"resourceType":"Patient","id":"p-1","identifier":[{"system":"urn:mrn","value":"MRN-9"}],"gender":"female","birthDate":"1950-04-02","deceasedBoolean":false}},
          {"resource":{"resourceType":"Observation","id":"o-1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},
            "subject":{"reference":"Patient/p-1"},"effectiveDateTime":"2024-01-03T09:00:00+01:00","valueQuantity":{"value":11.1,"unit":"g/dl"}}},
          {"resource":{"resourceType":"Observation","id":"o-2","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},
            "subject":{"reference":"urn:uuid:a1"},"effectiveDateTime":"2024-02-03","valueQuantity":{"value":11.0,"unit":"g/dL"}}},
          {"resource":{"resourceType":"Condition","code":{"coding":[{"system":"http://hl7.org/fhir/sid/icd-10-cm","code":"N18.4"}]},"subject":{"reference":"Patient/p-1"},"onsetDateTime":"2020-01-01"}},
          {"resource":{"resourceType":"Procedure","status":"completed","code":{"coding":[{"system":"http://www.ama-assn.org/go/cpt","code":"77080"}]},"subject":{"reference":"Patient/p-1"},"performedPeriod":{"start":"2019-05-01T10:00:00Z"}}}
        ]}
        """;

        var outcome = FhirReader.Read(bundle, LocalCodeMap.Empty);

        Assert.Empty(outcome.Rejects);
        Assert.Equal("MRN-9", Assert.Single(outcome.Patients).PatientId);
        Assert.All(outcome.Results, r => Assert.Equal("MRN-9", r.PatientId));
        Assert.Equal(["g/dL", "g/dL"], outcome.Results.Select(r => r.Unit!));
        Assert.Equal(("MRN-9", "N18.4", "icd10", new DateOnly(2020, 1, 1)), (outcome.Conditions[0].PatientId, outcome.Conditions[0].Code, outcome.Conditions[0].System, outcome.Conditions[0].Onset!.Value));
        Assert.Equal(("MRN-9", "77080", "cpt", new DateOnly(2019, 5, 1)), (outcome.Procedures[0].PatientId, outcome.Procedures[0].Code, outcome.Procedures[0].System, outcome.Procedures[0].PerformedOn));
    }

    [Theory]
    [InlineData("unknown", RejectReasons.InvalidStatus, "$.status")]
    [InlineData("bogus", RejectReasons.InvalidStatus, "$.status")]
    public void Observation_status_unknown_is_rejected_as_invalid_status(string status, string reason, string location)
    {
        var json = """{"resourceType":"Observation","id":"x","status":"STATUS","code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},"subject":{"reference":"Patient/1"},"effectiveDateTime":"2024-01-01","valueQuantity":{"value":11,"unit":"g/dL"}}""".Replace("STATUS", status);
        var reject = Assert.Single(FhirReader.Read(json, LocalCodeMap.Empty).Rejects);
        Assert.Equal((reason, location), (reject.ReasonCode, reject.Location));
    }

    [Fact]
    public void Observation_with_a_local_code_is_unmapped_until_the_source_system_maps_it()
    {
        var json = """{"resourceType":"Observation","id":"x","status":"final","code":{"coding":[{"system":"urn:lab:codes","code":"HB"}]},"subject":{"reference":"Patient/1"},"effectiveDateTime":"2024-01-01","valueQuantity":{"value":11,"unit":"g/dL"}}""";

        Assert.Equal(RejectReasons.UnmappedCode, Assert.Single(FhirReader.Read(json, LocalCodeMap.Empty).Rejects).ReasonCode);
        Assert.Equal("718-7", Assert.Single(FhirReader.Read(json, LocalCodeMap.Empty.With("urn:lab:codes", "HB", "718-7")).Results).Loinc);
    }

    [Theory]
    [InlineData("", RejectReasons.Unparseable)]
    [InlineData("{", RejectReasons.Unparseable)]
    [InlineData("[1,2]", RejectReasons.Unparseable)]
    [InlineData("{\"resourceType\":\"Bundle\",\"type\":\"message\"}", RejectReasons.UnsupportedMessage)]
    [InlineData("{\"a\":1}{\"b\":2}", RejectReasons.Unparseable)]
    public void Input_that_is_not_a_readable_fhir_resource_is_rejected(string json, string reason)
        => Assert.Equal(reason, Assert.Single(FhirReader.Read(json, LocalCodeMap.Empty).Rejects).ReasonCode);

    [Fact]
    public void Deeply_nested_json_is_rejected_not_overflowing_the_stack()
    {
        var json = new string('[', 100_000) + new string(']', 100_000);
        Assert.Equal(RejectReasons.Unparseable, Assert.Single(FhirReader.Read(json, LocalCodeMap.Empty).Rejects).ReasonCode);
    }

    [Fact]
    public void Bulk_ndjson_reads_one_resource_per_line_and_reports_bad_lines_by_number()
    {
        var ndjson = string.Join("\n",
            """{"resourceType":"Patient","id":"p-1","identifier":[{"value":"MRN-9"}],"gender":"male"}""",
            "not json",
            """{"resourceType":"Observation","id":"o-1","status":"final","code":{"coding":[{"system":"http://loinc.org","code":"718-7"}]},"subject":{"reference":"Patient/p-1"},"effectiveDateTime":"2024-01-03","valueQuantity":{"value":11.1,"unit":"g/dL"}}""");

        var batches = FhirNdjsonReader.ReadBatches(new StringReader(ndjson), LocalCodeMap.Empty, new PatientAliases()).ToList();

        var reject = Assert.Single(batches.SelectMany(b => b.Rejects));
        Assert.Equal((RejectReasons.Unparseable, "line 2: $"), (reject.ReasonCode, reject.Location));
        Assert.Equal("MRN-9", Assert.Single(batches.SelectMany(b => b.Results)).PatientId);
    }
}

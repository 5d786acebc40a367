using Screening.Interop;
using Screening.Interop.Hl7v2;
using Screening.Interop.Mapping;
using Screening.Domain.Codes;

namespace Screening.Domain.Tests.Interop;

public class Hl7v2ReaderTests
{
    private static ReadOutcome Read(string folder, string file, LocalCodeMap? codes = null)
        => Hl7v2Reader.ReadFile(Fixtures.Hl7(folder, file), codes ?? LocalCodeMap.Empty);

    [Fact]
    public void Oru_with_hemoglobin_in_g_per_mL_is_rejected_for_unknown_unit()
    {
        var outcome = Read("microsoft-fhir-converter", "LRI_2.0-NG_CBC_Typ_Message.hl7");

        Assert.Empty(outcome.Rejects);
        var hb = Assert.Single(outcome.Results, r => r.Loinc == "718-7");
        Assert.Equal("NIST Lab Facility", hb.SourceSystem);
        Assert.Equal("R-991133|718-7|", hb.ResultId);
        Assert.Equal("PATID1234", hb.PatientId);
        Assert.Equal(12.5m, hb.Value);
        Assert.Equal("g/mL", hb.Unit);
        Assert.Equal(new DateTimeOffset(2011, 1, 3, 14, 34, 28, TimeSpan.FromHours(-8)), hb.CollectedAt);
        Assert.Equal((13m, 18m), (hb.ReferenceLow!.Value, hb.ReferenceHigh!.Value));
        Assert.Equal("final", hb.Status);
        var verdict = ResultValidation.Validate(hb, Fixtures.ReceivedAt);
        Assert.Equal(RejectReasons.UnknownUnit, verdict.ReasonCode);
        Assert.Contains("g/mL", verdict.Detail);
    }

    [Fact]
    public void Oru_coded_and_text_observations_are_ignored_and_non_target_numerics_validate_as_ignored()
    {
        var outcome = Read("microsoft-fhir-converter", "LRI_2.0-NG_CBC_Typ_Message.hl7");

        Assert.Equal(9, outcome.Ignored);
        Assert.All(outcome.Results.Where(r => r.Loinc != "718-7"),
            r => Assert.True(ResultValidation.Validate(r, Fixtures.ReceivedAt).IsIgnored));
        var patient = Assert.Single(outcome.Patients);
        Assert.Equal(("PATID1234", "male", new DateOnly(1961, 6, 15)), (patient.PatientId, patient.Sex!, patient.BirthDate!.Value));
    }

    [Fact]
    public void Pending_panel_then_final_panel_share_the_result_identity_so_the_final_replaces_the_pending()
    {
        var pending = Assert.Single(Read("microsoft-fhir-converter", "LAB-ORU-1.hl7").Results, r => r.Loinc == "20509-6");
        var final = Assert.Single(Read("microsoft-fhir-converter", "LAB-ORU-2.hl7").Results, r => r.Loinc == "20509-6");

        Assert.Equal((pending.SourceSystem, pending.ResultId), (final.SourceSystem, final.ResultId));
        Assert.Equal("SomeSystem|82503246|20509-6|", $"{final.SourceSystem}|{final.ResultId}");
        Assert.Equal(("registered", null), (pending.Status, pending.Value));
        Assert.Equal(("final", 13.4m), (final.Status, final.Value));
        // The pending OBX has no OBX-14 and OBR-7 is empty: the collection time comes from SPM-17.
        Assert.Equal(new DateTimeOffset(2014, 10, 6, 5, 35, 0, TimeSpan.FromHours(7)), pending.CollectedAt);
        Assert.True(ResultValidation.Validate(pending, Fixtures.ReceivedAt).IsAccepted);
        // The final carries Hb in "g/l-1", which is not a UCUM spelling of any accepted unit.
        Assert.Equal(RejectReasons.UnknownUnit, ResultValidation.Validate(final, Fixtures.ReceivedAt).ReasonCode);
    }

    [Fact]
    public void Local_codes_without_a_mapping_are_rejected_as_unmapped_code_naming_the_segment()
    {
        var outcome = Read("nhapi", "ORU_R01_v231_CBC_localcodes_statusZ.hl7");

        Assert.Empty(outcome.Results);
        Assert.Equal(10, outcome.Rejects.Count);
        Assert.All(outcome.Rejects, r => Assert.Equal(RejectReasons.UnmappedCode, r.ReasonCode));
        var hgb = Assert.Single(outcome.Rejects, r => r.Detail.Contains("'HGB'"));
        Assert.Equal("OBX[5]-3", hgb.Location);
        Assert.StartsWith("MSH|^~\\$|LAB|DHC", hgb.Payload);
        Assert.Equal(10, outcome.Ignored); // the TX comment rows
    }

    [Fact]
    public void Local_codes_with_a_mapping_resolve_to_loinc_and_status_Z_is_then_rejected_as_invalid_status()
    {
        var codes = LocalCodeMap.Empty.With("DHC", "HGB", "718-7");
        var outcome = Read("nhapi", "ORU_R01_v231_CBC_localcodes_statusZ.hl7", codes);

        var hgb = Assert.Single(outcome.Rejects, r => r.Location.StartsWith("OBX[5]"));
        Assert.Equal(RejectReasons.InvalidStatus, hgb.ReasonCode);
        Assert.Equal("OBX[5]-11", hgb.Location);
        Assert.Equal(9, outcome.Rejects.Count(r => r.ReasonCode == RejectReasons.UnmappedCode));
    }

    [Fact]
    public void Local_code_with_a_mapping_and_a_final_status_becomes_a_loinc_result()
    {
        var codes = LocalCodeMap.Empty.With("DHC", "HGB", "718-7");
        var text = Fixtures.Text("hl7v2", "nhapi", "ORU_R01_v231_CBC_localcodes_statusZ.hl7").Replace("|||Z", "|||F");

        var outcome = Hl7v2Reader.Read(text, codes);

        var hb = Assert.Single(outcome.Results);
        Assert.Equal(("DHC", "W442|HGB|", "40206609", "718-7"), (hb.SourceSystem, hb.ResultId, hb.PatientId, hb.Loinc));
        Assert.Equal((12.0m, "g/dL", "final"), (hb.Value!.Value, hb.Unit!, hb.Status));
        Assert.Equal(new DateOnly(2005, 9, 21), DateOnly.FromDateTime(hb.CollectedAt!.Value.DateTime));
        Assert.Equal((14.0m, 24.0m), (hb.ReferenceLow!.Value, hb.ReferenceHigh!.Value));
        Assert.True(ResultValidation.Validate(hb, Fixtures.ReceivedAt).IsAccepted);
    }

    [Fact]
    public void Local_code_map_seed_parses_and_ships_without_guessed_mappings()
    {
        var seed = File.ReadAllText(System.IO.Path.Combine(AppContext.BaseDirectory, "seeds", "local-codes.json"));
        var map = LocalCodeMap.Parse(seed);

        Assert.Null(map.Find("DHC", "HGB"));
        var parsed = LocalCodeMap.Parse("""{"sources":{"DHC":{"HGB":{"loinc":"718-7","unit":"g/dl"}}}}""");
        Assert.Equal(new LocalCodeMapping("718-7", "g/dl"), parsed.Find("dhc", "HGB"));
        Assert.Throws<FormatException>(() => LocalCodeMap.Parse("""{"sources":{"DHC":{"HGB":{"loinc":"718-8"}}}}"""));
    }

    [Theory]
    [InlineData("nhapi", "ORM_O01_v231_calcium_ionized_order.hl7", "ORM^O01")]
    [InlineData("microsoft-fhir-converter", "OUL-R22-01.hl7", "OUL^R22")]
    [InlineData("microsoft-fhir-converter", "OUL-R23-01.hl7", "OUL^R23")]
    [InlineData("microsoft-fhir-converter", "OUL-R24-01.hl7", "OUL^R24")]
    public void Orders_and_other_message_types_are_rejected_as_unsupported_message(string folder, string file, string type)
    {
        var reject = Assert.Single(Read(folder, file).Rejects);
        Assert.Equal(RejectReasons.UnsupportedMessage, reject.ReasonCode);
        Assert.Equal("MSH-9", reject.Location);
        Assert.Contains(type, reject.Detail);
    }

    [Theory]
    [InlineData("athena-health__oru-example.hl7")]
    [InlineData("cerner__cerner_bordetella.hl7")]
    [InlineData("cerner__cerner_en.hl7")]
    [InlineData("cerner__cerner_lead.hl7")]
    [InlineData("cerner__cerner_sequential.hl7")]
    [InlineData("nist__ORU_R01_2.5.1_SampleTestCase1.hl7")]
    [InlineData("nist__ORU_R01_2.5.1_SampleTestCase2.hl7")]
    [InlineData("nist__ORU_R01_2.5.1_SampleTestCase3.hl7")]
    [InlineData("nist__ORU_R01_2.5.1_SampleTestCase4.hl7")]
    [InlineData("nist__ORU_R01_2.5.1_SampleTestCase5.hl7")]
    [InlineData("nist__ORU_R01_2.5.1_SampleTestCase6.hl7")]
    [InlineData("realm__realm-animal-rabies.hl7")]
    [InlineData("realm__realm-campylobacter-jejuni.hl7")]
    [InlineData("realm__realm-cj-badloinc.hl7")]
    [InlineData("realm__realm-cj-joeslab.hl7")]
    [InlineData("realm__realm-cj.hl7")]
    public void Non_target_orus_are_ignored_not_rejected(string file)
    {
        var outcome = Read("node-hl7-complete", file);

        Assert.Empty(outcome.Rejects);
        Assert.Single(outcome.Patients);
        Assert.All(outcome.Results, r => Assert.True(ResultValidation.Validate(r, Fixtures.ReceivedAt).IsIgnored));
    }

    [Fact]
    public void Oru_whose_obx_fields_are_shifted_is_rejected_for_its_empty_status()
    {
        // realm-hepatitis-c-virus: OBX-5 and OBX-6 are empty and the status F sits in OBX-13.
        var outcome = Read("node-hl7-complete", "realm__realm-hepatitis-c-virus.hl7");

        var reject = Assert.Single(outcome.Rejects);
        Assert.Equal((RejectReasons.InvalidStatus, "OBX[1]-11"), (reject.ReasonCode, reject.Location));
    }

    [Fact]
    public void Obx_with_a_coding_system_other_than_LN_is_a_local_code_and_is_not_guessed()
    {
        // ORU-R01-RMGEAD sends 1554-5^GLUCOSE^POST 12H CFST…: the third component is not "LN".
        var reject = Assert.Single(Read("microsoft-fhir-converter", "ORU-R01-RMGEAD.hl7").Rejects);
        Assert.Equal((RejectReasons.UnmappedCode, "OBX[1]-3"), (reject.ReasonCode, reject.Location));
    }
}

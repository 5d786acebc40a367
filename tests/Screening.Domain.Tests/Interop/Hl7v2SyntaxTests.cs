using Screening.Interop;
using Screening.Interop.Hl7v2;
using Screening.Interop.Mapping;
using Screening.Domain.Codes;

namespace Screening.Domain.Tests.Interop;

public class Hl7v2SyntaxTests
{
    private const string Pid = "PID|1||P77^^^HOSP^MR~X1^^^OTHER^PI||DOE^JANE||19500402|F|||||||||||||||||||||20240101";
    private const string Obr = "OBR|1|PL1|FI9^LAB|CBC^CBC^L|||20240103090000";
    private const string Obx = "OBX|1|NM|718-7^Hemoglobin^LN|1|11.1|g/dl|12.0-16.0|L|||F|||20240103090000+0100";

    private static string Message(string msh = "MSH|^~\\&|APP|FAC|R|R|20240104||ORU^R01|C1|P|2.5.1", params string[] segments)
        => string.Join("\r", [msh, .. segments]);

    private static LabResultReportedView Single(ReadOutcome outcome) => new(Assert.Single(outcome.Results));

    private sealed record LabResultReportedView(Contracts.LabResultReported Result);

    [Theory]
    [InlineData("\r")]
    [InlineData("\n")]
    [InlineData("\r\n")]
    public void Segments_may_end_in_cr_lf_or_crlf(string separator)
    {
        var text = string.Join(separator, "MSH|^~\\&|APP|FAC|R|R|20240104||ORU^R01|C1|P|2.5.1", Pid, Obr, Obx) + separator;
        var result = Single(Hl7v2Reader.Read(text, LocalCodeMap.Empty)).Result;

        Assert.Equal(("FAC", "FI9|718-7|1", "P77"), (result.SourceSystem, result.ResultId, result.PatientId));
        Assert.Equal(("g/dL", 11.1m, 12.0m, 16.0m), (result.Unit!, result.Value!.Value, result.ReferenceLow!.Value, result.ReferenceHigh!.Value));
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 9, 0, 0, TimeSpan.FromHours(1)), result.CollectedAt);
    }

    [Fact]
    public void Custom_delimiters_and_escape_sequences_are_honoured()
    {
        var text = string.Join("\r",
            "MSH#*@!%#APP#FAC\\F\\X#R#R#20240104##ORU*R01#C1#P#2.5.1",
            "PID#1##P77*** HOSP*MR@X1#",
            "OBR#1##FI9!T!2",
            "OBX#1#NM#718-7*Hb*LN#1#11.1#g/dL##L###F###20240103");

        var outcome = Hl7v2Reader.Read(text, LocalCodeMap.Empty);

        var result = Single(outcome).Result;
        Assert.Equal("FAC\\F\\X", result.SourceSystem); // '\' is not this message's escape character
        Assert.Equal("FI9%2|718-7|1", result.ResultId);
        Assert.Equal("P77", result.PatientId);
    }

    [Fact]
    public void Standard_escape_sequences_decode_in_field_values()
    {
        var text = Message(@"MSH|^~\&|APP|F\S\A\T\C\E\\X41\\.br\Z|R|R|20240104||ORU^R01|C1|P|2.5.1", Pid, Obr, Obx);
        Assert.Equal("F^A&C\\A\nZ", Single(Hl7v2Reader.Read(text, LocalCodeMap.Empty)).Result.SourceSystem);
    }

    [Fact]
    public void Mllp_framing_and_batch_envelopes_are_accepted()
    {
        var one = Message(segments: [Pid, Obr, Obx]);
        var two = one.Replace("|C1|", "|C2|").Replace("FI9", "FI10");
        var mllp = "\u000b" + one + "\r\u001c\r" + "\u000b" + two + "\r\u001c\r";
        var batch = string.Join("\r", "FHS|^~\\&|APP", "BHS|^~\\&|APP", one, two, "BTS|2", "FTS|1");

        Assert.Equal(2, Hl7v2Reader.Read(mllp, LocalCodeMap.Empty).Results.Count);
        Assert.Equal(2, Hl7v2Reader.Read(batch, LocalCodeMap.Empty).Results.Count);
        Assert.Empty(Hl7v2Reader.Read(batch, LocalCodeMap.Empty).Rejects);
    }

    [Theory]
    [InlineData("F", "final")]
    [InlineData("C", "corrected")]
    [InlineData("A", "amended")]
    [InlineData("B", "final")]
    [InlineData("U", "final")]
    [InlineData("V", "final")]
    [InlineData("P", "preliminary")]
    [InlineData("S", "preliminary")]
    [InlineData("R", "preliminary")]
    [InlineData("I", "registered")]
    [InlineData("O", "registered")]
    [InlineData("N", "registered")]
    [InlineData("X", "cancelled")]
    [InlineData("D", "entered-in-error")]
    [InlineData("W", "entered-in-error")]
    public void Obx_11_maps_to_the_contract_status(string obx11, string status)
        => Assert.Equal(status, Single(Hl7v2Reader.Read(Message(segments: [Pid, Obr, Obx.Replace("|||F|||", $"|||{obx11}|||")]), LocalCodeMap.Empty)).Result.Status);

    [Fact]
    public void Unknown_obx_11_is_rejected_as_invalid_status()
    {
        var reject = Assert.Single(Hl7v2Reader.Read(Message(segments: [Pid, Obr, Obx.Replace("|||F|||", "|||Q|||")]), LocalCodeMap.Empty).Rejects);
        Assert.Equal((RejectReasons.InvalidStatus, "OBX[1]-11"), (reject.ReasonCode, reject.Location));
    }

    [Fact]
    public void Collection_time_falls_back_from_obx_14_to_obr_7_and_is_rejected_when_absent()
    {
        var fromObr = Single(Hl7v2Reader.Read(Message(segments: [Pid, Obr, Obx.Replace("20240103090000+0100", "")]), LocalCodeMap.Empty)).Result;
        Assert.Equal(new DateTimeOffset(2024, 1, 3, 9, 0, 0, TimeSpan.Zero), fromObr.CollectedAt);

        var none = Hl7v2Reader.Read(Message(segments: [Pid, "OBR|1|PL1|FI9", Obx.Replace("20240103090000+0100", "")]), LocalCodeMap.Empty);
        Assert.Equal(RejectReasons.MissingCollectionTime, Assert.Single(none.Rejects).ReasonCode);

        var bad = Hl7v2Reader.Read(Message(segments: [Pid, Obr, Obx.Replace("20240103090000+0100", "2024-01-03")]), LocalCodeMap.Empty);
        Assert.Equal((RejectReasons.MissingCollectionTime, "OBX[1]-14"), (bad.Rejects[0].ReasonCode, bad.Rejects[0].Location));
    }

    [Fact]
    public void Collection_day_is_the_date_as_written_whatever_the_offset()
    {
        var late = Single(Hl7v2Reader.Read(Message(segments: [Pid, Obr, Obx.Replace("20240103090000+0100", "20240103233000-1100")]), LocalCodeMap.Empty)).Result;
        Assert.Equal(new DateOnly(2024, 1, 3), DomainMapping.ToObservation(late, 1).CollectedOn);
    }

    [Theory]
    [InlineData("SN", "^10.5", 10.5)]
    [InlineData("SN", "=^10.5", 10.5)]
    [InlineData("SN", "<^5", null)]
    [InlineData("SN", "^1^-^5", null)]
    [InlineData("NM", "abc", null)]
    [InlineData("NM", "11~12", null)]
    public void Structured_numerics_with_comparators_or_ranges_carry_no_usable_value(string type, string value, double? expected)
    {
        var result = Single(Hl7v2Reader.Read(Message(segments: [Pid, Obr, Obx.Replace("|NM|", $"|{type}|").Replace("|11.1|", $"|{value}|")]), LocalCodeMap.Empty)).Result;
        Assert.Equal(expected is null ? null : (decimal)expected.Value, result.Value);
        if (expected is null) Assert.Equal(RejectReasons.MissingValue, ResultValidation.Validate(result, Fixtures.ReceivedAt).ReasonCode);
    }

    [Theory]
    [InlineData("I", "inpatient")]
    [InlineData("E", "emergency")]
    [InlineData("O", "outpatient")]
    [InlineData("", "outpatient")]
    public void Encounter_class_comes_from_pv1_2(string pv1, string expected)
        => Assert.Equal(expected, Single(Hl7v2Reader.Read(Message(segments: [Pid, $"PV1|1|{pv1}", Obr, Obx]), LocalCodeMap.Empty)).Result.EncounterClass);

    [Fact]
    public void Pid_gives_sex_birth_and_death_dates()
    {
        var patient = Assert.Single(Hl7v2Reader.Read(Message(segments: [Pid, Obr, Obx]), LocalCodeMap.Empty).Patients);
        Assert.Equal(("P77", "female", new DateOnly(1950, 4, 2), new DateOnly(2024, 1, 1)),
            (patient.PatientId, patient.Sex!, patient.BirthDate!.Value, patient.DeceasedDate!.Value));
    }

    [Fact]
    public void Missing_patient_identifier_is_rejected_as_unknown_patient_id()
    {
        var reject = Assert.Single(Hl7v2Reader.Read(Message(segments: ["PID|1||", Obr, Obx]), LocalCodeMap.Empty).Rejects);
        Assert.Equal((RejectReasons.UnknownPatientId, "PID-3"), (reject.ReasonCode, reject.Location));
    }

    [Theory]
    [InlineData("A04", 1, 0)]
    [InlineData("A08", 1, 0)]
    [InlineData("A31", 1, 0)]
    [InlineData("A03", 0, 1)]
    [InlineData("A11", 0, 1)]
    public void Adt_patient_events_update_the_patient_and_other_events_are_ignored(string trigger, int patients, int ignored)
    {
        var outcome = Hl7v2Reader.Read(Message($"MSH|^~\\&|APP|FAC|R|R|20240104||ADT^{trigger}|C1|P|2.5", Pid), LocalCodeMap.Empty);
        Assert.Equal((patients, ignored, 0), (outcome.Patients.Count, outcome.Ignored, outcome.Rejects.Count));
    }

    [Theory]
    [InlineData("hello, world", RejectReasons.Unparseable)]
    [InlineData("MSH|^~\\&|APP|FAC|R|R|20240104||ORU^R01|C1|P|2.2", RejectReasons.UnsupportedMessage)]
    [InlineData("MSH|^~\\&|APP|FAC|R|R|20240104||ORU^R01|C1|Z|2.5", RejectReasons.Unparseable)]
    [InlineData("MSH|^~\\&|APP|FAC|R|R|20240104||ORU^R01||P|2.5", RejectReasons.MissingField)]
    [InlineData("MSH|^~|APP|FAC|R|R|20240104||ORU^R01|C1|P|2.5", RejectReasons.Unparseable)]
    public void Text_that_is_not_a_readable_hl7_message_is_rejected_with_a_reason(string text, string reason)
        => Assert.Equal(reason, Assert.Single(Hl7v2Reader.Read(text, LocalCodeMap.Empty).Rejects).ReasonCode);
}

using Screening.Interop;
using Screening.Interop.Mllp;
using Screening.Domain.Codes;

namespace Screening.Domain.Tests.Interop.Mllp;

public class Hl7AcknowledgementTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 3, 14, 5, 9, TimeSpan.Zero);

    private const string Oru251 = "MSH|^~\\&|LIS|NORTHLAB|SCREENING|HOSP|20261203120000||ORU^R01^ORU_R01|CTRL-1|P|2.5.1\rPID|1||P1\r";

    private static string[] Segments(string ack) => ack.TrimEnd('\r').Split('\r');

    [Fact]
    public void An_accept_mirrors_delimiters_version_and_processing_id_and_swaps_sender_and_receiver()
    {
        var header = Hl7InboundHeader.Read(Oru251);

        var ack = Segments(Hl7Acknowledgement.Build(header, AckCode.Accept, null, "SCR1", Now));

        Assert.Equal(["MSH|^~\\&|SCREENING|HOSP|LIS|NORTHLAB|20261203140509+0000||ACK^R01^ACK|SCR1|P|2.5.1", "MSA|AA|CTRL-1"], ack);
    }

    [Fact]
    public void Unusual_delimiters_are_mirrored_in_the_acknowledgement()
    {
        var header = Hl7InboundHeader.Read("MSH#*!$%#LAB#FAC#RCV#RFAC#2026##ORU*R01#C9#T#2.4\r");

        var ack = Segments(Hl7Acknowledgement.Build(header, AckCode.Reject, new AckError("203", "Unsupported version id", "MSH-12", "version #2 bad*x"), "A1", Now));

        Assert.Equal("MSH#*!$%#RCV#RFAC#LAB#FAC#20261203140509+0000##ACK*R01*ACK#A1#T#2.4", ack[0]);
        Assert.Equal("MSA#AR#C9#version $F$2 bad$S$x", ack[1]);
        Assert.Equal("ERR#MSH*1*12*203%Unsupported version id%HL70357", ack[2]);
    }

    [Fact]
    public void A_v2_5_reject_carries_an_ERR_with_location_table_0357_code_severity_and_text()
    {
        var header = Hl7InboundHeader.Read(Oru251);
        var error = AckErrors.FromReject(new InputReject(RejectReasons.MissingField, "MSH-10 message control id is empty", "MSH-10", "payload"), header);

        var ack = Segments(Hl7Acknowledgement.Build(header, AckCode.Reject, error, "A2", Now));

        Assert.Equal("MSA|AR|CTRL-1", ack[1]);
        Assert.Equal("ERR||MSH^1^10|101^Required field missing^HL70357|E||||MSH-10 message control id is empty", ack[2]);
    }

    [Fact]
    public void Version_2_3_uses_a_two_component_message_type_and_ERR_1()
    {
        var header = Hl7InboundHeader.Read("MSH|^~\\&|A|B|C|D|2026||ADT^A08|X1|P|2.3\r");

        var ack = Segments(Hl7Acknowledgement.Build(header, AckCode.Error, AckErrors.NotStored("broker unreachable"), "A3", Now));

        Assert.Contains("|ACK^A08|A3|P|2.3", ack[0]);
        Assert.Equal("MSA|AE|X1|message not stored (broker unreachable); send it again later", ack[1]);
        Assert.Equal("ERR|^^^207&Application internal error&HL70357", ack[2]);
    }

    [Fact]
    public void Enhanced_mode_answers_commit_codes_when_MSH_15_asks_for_them()
    {
        var always = Hl7InboundHeader.Read("MSH|^~\\&|A|B|C|D|2026||ORU^R01|E1|P|2.5.1|||AL|NE\r");
        var errorsOnly = Hl7InboundHeader.Read("MSH|^~\\&|A|B|C|D|2026||ORU^R01|E2|P|2.5.1|||ER|AL\r");
        var successOnly = Hl7InboundHeader.Read("MSH|^~\\&|A|B|C|D|2026||ORU^R01|E3|P|2.5.1|||SU\r");
        var never = Hl7InboundHeader.Read("MSH|^~\\&|A|B|C|D|2026||ORU^R01|E4|P|2.5.1|||NE|NE\r");

        Assert.Equal(("CA", "CE", "CR"), (Hl7Acknowledgement.MsaCode(always, AckCode.Accept), Hl7Acknowledgement.MsaCode(always, AckCode.Error),
            Hl7Acknowledgement.MsaCode(always, AckCode.Reject)));
        Assert.True(Hl7Acknowledgement.IsWanted(always, AckCode.Accept));
        Assert.Equal((false, true, true), (Hl7Acknowledgement.IsWanted(errorsOnly, AckCode.Accept), Hl7Acknowledgement.IsWanted(errorsOnly, AckCode.Error),
            Hl7Acknowledgement.IsWanted(errorsOnly, AckCode.Reject)));
        Assert.Equal((true, false), (Hl7Acknowledgement.IsWanted(successOnly, AckCode.Accept), Hl7Acknowledgement.IsWanted(successOnly, AckCode.Reject)));
        Assert.False(Hl7Acknowledgement.IsWanted(never, AckCode.Accept));
        Assert.False(Hl7Acknowledgement.IsWanted(never, AckCode.Reject));
        Assert.Equal("MSA|CA|E1", Segments(Hl7Acknowledgement.Build(always, AckCode.Accept, null, "A4", Now))[1]);
    }

    [Fact]
    public void Acknowledgement_types_outside_table_0155_leave_the_original_mode()
    {
        var header = Hl7InboundHeader.Read("MSH|^~\\&|A|B|C|D|2026||ORU^R01|G1|P|2.5.1|||0|0\r");

        Assert.False(header.EnhancedMode);
        Assert.Equal("AR", Hl7Acknowledgement.MsaCode(header, AckCode.Reject));
    }

    [Fact]
    public void Original_mode_always_acknowledges()
    {
        var header = Hl7InboundHeader.Read(Oru251);

        Assert.False(header.EnhancedMode);
        Assert.True(Hl7Acknowledgement.IsWanted(header, AckCode.Accept));
        Assert.Equal(("AA", "AE", "AR"), (Hl7Acknowledgement.MsaCode(header, AckCode.Accept), Hl7Acknowledgement.MsaCode(header, AckCode.Error),
            Hl7Acknowledgement.MsaCode(header, AckCode.Reject)));
    }

    [Fact]
    public void Text_that_is_not_HL7_still_gets_an_acknowledgement_with_default_delimiters()
    {
        var header = Hl7InboundHeader.Read("hello, is anybody there?");

        var ack = Segments(Hl7Acknowledgement.Build(header, AckCode.Reject, new AckError("100", "Segment sequence error", "line 1", "no MSH segment found"), "A5", Now));

        Assert.Equal("MSH|^~\\&|||||20261203140509+0000||ACK|A5|P|2.5.1", ack[0]);
        Assert.Equal("MSA|AR|", ack[1]);
        Assert.Equal("ERR|||100^Segment sequence error^HL70357|E||||no MSH segment found", ack[2]);
    }

    [Theory]
    [InlineData("MSH|^~\\&|A|B|C|D|2026||ORU^R01|C1|X|2.5.1\r", "202")]
    [InlineData("MSH|^~\\&|A|B|C|D|2026||ORU^R01|C1|P|2.2\r", "203")]
    [InlineData("MSH|^~\\&|A|B|C|D|2026||ORU^R01|C1|P|banana\r", "203")]
    [InlineData("MSH|^~\\&|A|B|C|D|2026||ORM^O01|C1|P|2.5.1\r", "200")]
    [InlineData("MSH|^~\\&|A|B|C|D|2026||ORU^R30|C1|P|2.5.1\r", "201")]
    [InlineData("MSH|^~\\&|A|B|C|D|2026||ORU^R01||P|2.5.1\r", "101")]
    [InlineData("MSH|^~\\&|A|B|C|D|2026||9|C1|P|2.5.1\r", "102")]
    [InlineData("MSH|^~\\&|A|B|C|D|2026||ORU^R01|C1|P|2.5.1\rpid|1\r", "100")]
    [InlineData("garbage\rMSH|^~\\&|A|B|C|D|2026||ORU^R01|C1|P|2.5.1\r", "100")]
    public void Message_level_problems_map_to_table_0357_codes(string message, string code)
    {
        var problem = Hl7MessageCheck.FirstProblem(message);

        Assert.NotNull(problem);
        Assert.Equal(code, AckErrors.FromReject(problem!, Hl7InboundHeader.Read(message)).Code);
    }

    [Fact]
    public void A_usable_ORU_has_no_message_level_problem_even_with_a_bad_unit_inside()
    {
        var message = Oru251 + "OBR|1||F1\rOBX|1|NM|718-7^Hb^LN||11|furlongs|||||F\r";

        Assert.Null(Hl7MessageCheck.FirstProblem(message));
    }

    [Theory]
    [MemberData(nameof(Hl7v2RobustnessTests.BadInputs), MemberType = typeof(Hl7v2RobustnessTests))]
    public void Every_fuzzer_found_bad_input_has_a_message_level_problem(string file)
    {
        var text = File.ReadAllText(Fixtures.Path("hl7v2", "nhapi", "fuzz-bad-inputs", file));

        Assert.NotNull(Hl7MessageCheck.FirstProblem(text));
    }
}

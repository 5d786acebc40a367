using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Screening.Interop.Mllp;

/// <summary>
/// Builds the ACK for one inbound message (HL7 v2.5.1 §2.9–2.10, chapter 2C): MSH with the sender's delimiters,
/// version and processing id, sending and receiving application/facility swapped (ACK MSH-3/4 = inbound MSH-5/6 and
/// the reverse), <c>ACK^&lt;trigger&gt;^ACK</c>; MSA with the code and the sender's control id (MSA-2 = MSH-10);
/// and, for an error, one ERR (v2.5+: ERR-2 location, ERR-3 table 0357 code, ERR-4 severity, ERR-8 text; before
/// v2.5: ERR-1 and MSA-3). Original mode answers AA/AE/AR; enhanced mode (MSH-15/16 valued) answers the commit
/// acknowledgement CA/CE/CR when MSH-15 asks for it (AL or empty: always, ER: errors only, SU: success only, NE: never).
/// Pure: the time and the ACK's own control id are parameters.
/// </summary>
public static partial class Hl7Acknowledgement
{
    /// <summary>Whether the sender wants an acknowledgement with this outcome at all.</summary>
    public static bool IsWanted(Hl7InboundHeader header, AckCode code)
    {
        if (!header.EnhancedMode) return true;
        return header.AcceptAckType switch
        {
            "NE" => false,
            "ER" => code != AckCode.Accept,
            "SU" => code == AckCode.Accept,
            _ => true, // AL, or empty with MSH-16 valued
        };
    }

    /// <summary>MSA-1 for the outcome in the header's acknowledgement mode.</summary>
    public static string MsaCode(Hl7InboundHeader header, AckCode code) => (header.EnhancedMode, code) switch
    {
        (false, AckCode.Accept) => "AA",
        (false, AckCode.Error) => "AE",
        (false, _) => "AR",
        (true, AckCode.Accept) => "CA",
        (true, AckCode.Error) => "CE",
        _ => "CR",
    };

    /// <summary>The ACK text, segments ended by CR (not yet MLLP-framed).</summary>
    public static string Build(Hl7InboundHeader inbound, AckCode code, AckError? error, string ackControlId, DateTimeOffset now)
    {
        var f = inbound.FieldSeparator;
        var version = inbound.Version.Length > 0 ? inbound.Version : "2.5.1";
        var versionId = inbound.VersionId.Length > 0 ? inbound.VersionId : "2.5.1";
        var processing = inbound.ProcessingId.Length > 0 ? inbound.ProcessingId : "P";
        var c = inbound.ComponentSeparator;
        var trigger = inbound.TriggerEvent;
        var type = trigger.Length == 0 ? "ACK" : versionId == "2.3" ? $"ACK{c}{trigger}" : $"ACK{c}{trigger}{c}ACK";
        var text = new StringBuilder(256);
        text.Append("MSH").Append(f).Append(inbound.EncodingCharacters)
            .Append(f).Append(inbound.ReceivingApplication).Append(f).Append(inbound.ReceivingFacility)
            .Append(f).Append(inbound.SendingApplication).Append(f).Append(inbound.SendingFacility)
            .Append(f).Append(Timestamp(now)).Append(f)
            .Append(f).Append(type).Append(f).Append(Escape(ackControlId, inbound)).Append(f).Append(processing).Append(f).Append(version)
            .Append('\r');
        var oldStyle = IsBefore25(versionId);
        text.Append("MSA").Append(f).Append(MsaCode(inbound, code)).Append(f).Append(inbound.ControlId);
        if (error is not null && oldStyle) text.Append(f).Append(Escape(error.Text, inbound));
        text.Append('\r');
        if (error is not null)
        {
            var s = inbound.SubcomponentSeparator;
            var (segment, sequence, field) = Where(error.Location);
            if (oldStyle)
            {
                // ERR-1 (ELD): segment id ^ sequence ^ field position ^ code & text & HL70357
                text.Append("ERR").Append(f).Append(segment).Append(c).Append(sequence).Append(c).Append(field).Append(c)
                    .Append(error.Code).Append(s).Append(Escape(error.CodeText, inbound)).Append(s).Append("HL70357").Append('\r');
            }
            else
            {
                text.Append("ERR").Append(f).Append(f);
                if (segment.Length > 0) text.Append(segment).Append(c).Append(sequence).Append(c).Append(field);
                text.Append(f).Append(error.Code).Append(c).Append(Escape(error.CodeText, inbound)).Append(c).Append("HL70357")
                    .Append(f).Append(error.Severity).Append(f).Append(f).Append(f).Append(f).Append(Escape(error.Text, inbound)).Append('\r');
            }
        }
        return text.ToString();
    }

    /// <summary>HL7 DTM to the second with the UTC offset, e.g. <c>20261203142305+0000</c>.</summary>
    public static string Timestamp(DateTimeOffset now)
    {
        var offset = now.Offset;
        var sign = offset < TimeSpan.Zero ? '-' : '+';
        offset = offset.Duration();
        return now.ToString("yyyyMMddHHmmss", CultureInfo.InvariantCulture) + sign + offset.Hours.ToString("00", CultureInfo.InvariantCulture)
               + offset.Minutes.ToString("00", CultureInfo.InvariantCulture);
    }

    /// <summary>Escapes the sender's delimiters in free text (\F\ \S\ \R\ \E\ \T\) and drops line breaks.</summary>
    public static string Escape(string value, Hl7InboundHeader header)
    {
        var encoding = header.EncodingCharacters;
        var (component, repetition, escape) = (encoding[0], encoding[1], encoding[2]);
        var sub = header.SubcomponentSeparator;
        var text = new StringBuilder(value.Length + 8);
        foreach (var ch in value)
        {
            if (ch == escape) text.Append(escape).Append('E').Append(escape);
            else if (ch == header.FieldSeparator) text.Append(escape).Append('F').Append(escape);
            else if (ch == component) text.Append(escape).Append('S').Append(escape);
            else if (ch == repetition) text.Append(escape).Append('R').Append(escape);
            else if (ch == sub) text.Append(escape).Append('T').Append(escape);
            else if (ch is '\r' or '\n' or '\v' or '\u001c') text.Append(' ');
            else text.Append(ch);
        }
        return text.ToString();
    }

    private static bool IsBefore25(string versionId) => versionId is "2.1" or "2.2" or "2.3" or "2.3.1" or "2.4";

    /// <summary>"MSH-12" → (MSH, 1, 12); "OBX[2]-6" → (OBX, 2, 6); anything else → empty.</summary>
    private static (string Segment, string Sequence, string Field) Where(string location)
    {
        var match = LocationPattern().Match(location);
        return match.Success
            ? (match.Groups["seg"].Value, match.Groups["seq"].Success ? match.Groups["seq"].Value : "1", match.Groups["field"].Value)
            : ("", "", "");
    }

    [GeneratedRegex(@"^(?<seg>[A-Z][A-Z0-9]{2})(\[(?<seq>\d{1,4})\])?-(?<field>\d{1,3})", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex LocationPattern();
}

using Screening.Domain.Codes;
namespace Screening.Interop.Hl7v2;

/// <summary>
/// One parsed HL7 v2 message: delimiters from MSH, segments, and the header facts every reader needs. Built by
/// <see cref="Parse"/>, which checks the structure strictly and explains the first problem it finds.
/// </summary>
internal sealed class Hl7Message
{
    private static readonly HashSet<string> SupportedVersions =
        ["2.3", "2.3.1", "2.4", "2.5", "2.5.1", "2.6", "2.7", "2.7.1", "2.8", "2.8.1", "2.8.2"];

    private Hl7Message(IReadOnlyList<Hl7Segment> segments, string text)
    {
        Segments = segments;
        Text = text;
        Header = segments[0];
    }

    public IReadOnlyList<Hl7Segment> Segments { get; }
    public Hl7Segment Header { get; }
    public string Text { get; }
    public string MessageType => Header.Value(9, 1);
    public string TriggerEvent => Header.Value(9, 2);
    public string ControlId => Header.Value(10);

    /// <summary>Sending facility (MSH-4), else sending application (MSH-3).</summary>
    public string SendingSource => Header.Value(4) is { Length: > 0 } facility ? facility : Header.Value(3);

    public static Hl7Message? Parse(IReadOnlyList<string> lines, out InputReject? reject)
    {
        reject = null;
        var text = string.Join('\r', lines);
        var encoding = Hl7Encoding.FromHeader(lines[0], out var problem);
        if (encoding is null)
        {
            reject = new InputReject(RejectReasons.Unparseable, problem, "MSH-2", text);
            return null;
        }
        var segments = new List<Hl7Segment>(lines.Count);
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if (!IsSegmentName(line, encoding.Field))
            {
                reject = new InputReject(RejectReasons.Unparseable,
                    "segment does not start with a three-character segment id followed by the field separator", $"segment {i + 1}", text);
                return null;
            }
            segments.Add(Hl7Segment.Parse(line, encoding));
        }
        var message = new Hl7Message(segments, text);
        reject = message.CheckHeader();
        return reject is null ? message : null;
    }

    private InputReject? CheckHeader()
    {
        if (!IsCode(MessageType) || !IsCode(TriggerEvent))
            return Reject(RejectReasons.Unparseable, "MSH-9 message type must be a code pair such as ORU^R01", "MSH-9");
        var processing = Header.Value(11);
        if (processing is not ("P" or "T" or "D"))
            return Reject(RejectReasons.Unparseable, "MSH-11 processing id must be P, T or D", "MSH-11");
        var version = Header.Value(12);
        if (!SupportedVersions.Contains(version))
        {
            var looksLikeVersion = version.Length is >= 3 and <= 6 && version.StartsWith("2.", StringComparison.Ordinal)
                                   && version.All(c => char.IsAsciiDigit(c) || c == '.');
            return looksLikeVersion
                ? Reject(RejectReasons.UnsupportedMessage, $"HL7 version {version} is not supported (2.3 to 2.8)", "MSH-12")
                : Reject(RejectReasons.Unparseable, "MSH-12 version id is not an HL7 v2 version", "MSH-12");
        }
        if (ControlId.Length == 0) return Reject(RejectReasons.MissingField, "MSH-10 message control id is empty", "MSH-10");
        return null;
    }

    public InputReject Reject(string reason, string detail, string location) => new(reason, detail, location, Text);

    private static bool IsCode(string value)
        => value.Length is >= 2 and <= 8 && value.All(char.IsAsciiLetterOrDigit);

    private static bool IsSegmentName(string line, char field)
    {
        if (line.Length < 3 || !char.IsAsciiLetterUpper(line[0])) return false;
        if (!char.IsAsciiLetterUpper(line[1]) && !char.IsAsciiDigit(line[1])) return false;
        if (!char.IsAsciiLetterUpper(line[2]) && !char.IsAsciiDigit(line[2])) return false;
        return line.Length == 3 || line[3] == field;
    }
}

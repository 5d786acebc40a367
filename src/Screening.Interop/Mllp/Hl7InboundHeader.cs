namespace Screening.Interop.Mllp;

/// <summary>
/// What an acknowledgement needs from the inbound MSH, read leniently (an ACK is owed even to a message the readers
/// reject): delimiters (MSH-1/2, the defaults when unusable), sending and receiving application and facility
/// (MSH-3…6), message type (MSH-9), control id (MSH-10), processing id (MSH-11), version (MSH-12) and the
/// acknowledgement types of enhanced mode (MSH-15/16). Fields are kept raw (still escaped), to be mirrored as sent.
/// </summary>
public sealed record Hl7InboundHeader
{
    public const string DefaultEncodingCharacters = "^~\\&";

    public char FieldSeparator { get; init; } = '|';
    public string EncodingCharacters { get; init; } = DefaultEncodingCharacters;
    public string SendingApplication { get; init; } = "";
    public string SendingFacility { get; init; } = "";
    public string ReceivingApplication { get; init; } = "";
    public string ReceivingFacility { get; init; } = "";
    public string MessageType { get; init; } = "";
    public string ControlId { get; init; } = "";
    public string ProcessingId { get; init; } = "";
    public string Version { get; init; } = "";
    public string AcceptAckType { get; init; } = "";
    public string ApplicationAckType { get; init; } = "";

    public char ComponentSeparator => EncodingCharacters[0];
    public char SubcomponentSeparator => EncodingCharacters.Length > 3 ? EncodingCharacters[3] : '&';

    /// <summary>
    /// Enhanced acknowledgement mode is asked for when MSH-15 or MSH-16 is valued (HL7 v2.5.1 §2.9.3) with a code of
    /// table 0155 (AL, NE, ER, SU); anything else there (a garbled header) leaves the original mode.
    /// </summary>
    public bool EnhancedMode => IsAckType(AcceptAckType) || IsAckType(ApplicationAckType);

    private static bool IsAckType(string value) => value is "AL" or "NE" or "ER" or "SU";

    /// <summary>The first component of MSH-12 (e.g. "2.5.1" of "2.5.1^USA").</summary>
    public string VersionId => FirstComponent(Version);

    /// <summary>The trigger event of MSH-9 (e.g. "R01" of "ORU^R01^ORU_R01").</summary>
    public string TriggerEvent
    {
        get
        {
            var parts = MessageType.Split(ComponentSeparator);
            return parts.Length > 1 ? parts[1] : "";
        }
    }

    public string MessageCode => FirstComponent(MessageType);

    /// <summary>The header of a message text (the first MSH after optional BOM/whitespace); defaults when there is none.</summary>
    public static Hl7InboundHeader Read(ReadOnlySpan<char> text)
    {
        text = text.TrimStart("\uFEFF \t\r\n");
        if (text.Length < 4 || !text.StartsWith("MSH", StringComparison.Ordinal)) return new Hl7InboundHeader();
        var end = text.IndexOfAny('\r', '\n');
        var line = (end < 0 ? text : text[..end]).ToString();
        var field = line[3];
        if (!IsDelimiter(field)) return new Hl7InboundHeader();
        var parts = line.Split(field);
        string Msh(int n) => n - 1 < parts.Length ? parts[n - 1] : ""; // parts[1] is MSH-2
        var encoding = Msh(2);
        var usable = encoding.Length is 4 or 5 && encoding.All(IsDelimiter) && encoding.Distinct().Count() == encoding.Length
                     && !encoding.Contains(field);
        if (!usable) // unusable delimiters: the ACK uses the defaults and mirrors only the ids it can copy safely
            return new Hl7InboundHeader { ControlId = Plain(Msh(10)), Version = Plain(Msh(12)), ProcessingId = Plain(Msh(11)) };
        return new Hl7InboundHeader
        {
            FieldSeparator = field,
            EncodingCharacters = encoding,
            SendingApplication = Msh(3),
            SendingFacility = Msh(4),
            ReceivingApplication = Msh(5),
            ReceivingFacility = Msh(6),
            MessageType = Msh(9),
            ControlId = Msh(10),
            ProcessingId = Msh(11),
            Version = Msh(12),
            AcceptAckType = FirstComponentOf(Msh(15), encoding[0]).Trim(),
            ApplicationAckType = FirstComponentOf(Msh(16), encoding[0]).Trim(),
        };
    }

    private static string Plain(string value) => value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_')
        ? value : "";

    private string FirstComponent(string value) => FirstComponentOf(value, ComponentSeparator);

    private static string FirstComponentOf(string value, char component)
    {
        var at = value.IndexOf(component);
        return at < 0 ? value : value[..at];
    }

    private static bool IsDelimiter(char c) => c is > ' ' and < '\u007f' && !char.IsAsciiLetterOrDigit(c);
}

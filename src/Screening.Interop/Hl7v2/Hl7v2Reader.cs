using System.Text;
using Screening.Interop.Mapping;
using Screening.Domain.Codes;

namespace Screening.Interop.Hl7v2;

/// <summary>
/// Entry point for HL7 v2 (2.3–2.8): one message, an MLLP stream or a batch file in, facts and rejects out.
/// ORU^R01 → results (+ the PID as a patient update); ADT^A04/A08/A31 → patient updates; other ADT events are
/// ignored; any other message type is <c>unsupported-message</c>; text that is not HL7 is <c>unparseable</c>.
/// Never throws on bad input.
/// </summary>
public static class Hl7v2Reader
{
    public static ReadOutcome Read(string text, LocalCodeMap codes)
    {
        var output = new ReadOutcomeBuilder();
        var (messages, junk) = Hl7Framing.Split(text);
        if (junk is not null) output.Rejects.Add(junk);
        foreach (var lines in messages) ReadMessage(lines, codes, output);
        return output.Build();
    }

    /// <summary>A queue message body or file bytes: UTF-8 (with or without BOM); invalid bytes become U+FFFD.</summary>
    public static ReadOutcome Read(ReadOnlySpan<byte> bytes, LocalCodeMap codes) => Read(Encoding.UTF8.GetString(bytes), codes);

    public static ReadOutcome ReadFile(string path, LocalCodeMap codes) => Read(File.ReadAllBytes(path), codes);

    private static void ReadMessage(List<string> lines, LocalCodeMap codes, ReadOutcomeBuilder output)
    {
        var message = Hl7Message.Parse(lines, out var reject);
        if (message is null)
        {
            output.Rejects.Add(reject!);
            return;
        }
        if (Unsupported(message) is { } unsupported)
        {
            output.Rejects.Add(unsupported);
            return;
        }
        if (message.MessageType == "ORU") new OruReader(message, codes, output).Read();
        else AdtReader.Read(message, output);
    }

    /// <summary>The <c>unsupported-message</c> reject of a message type no reader reads (null for ORU^R01 and ADT).</summary>
    internal static InputReject? Unsupported(Hl7Message message) => (message.MessageType, message.TriggerEvent) switch
    {
        ("ORU", "R01") or ("ADT", _) => null,
        _ => message.Reject(RejectReasons.UnsupportedMessage,
            $"message type {message.MessageType}^{message.TriggerEvent} is not read (ORU^R01, ADT^A04/A08/A31 are)", "MSH-9"),
    };
}

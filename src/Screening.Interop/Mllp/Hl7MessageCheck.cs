using System.Text;
using Screening.Interop.Hl7v2;
using Screening.Domain.Codes;

namespace Screening.Interop.Mllp;

/// <summary>
/// The message-level part of reading HL7 v2 (what the queue consumer will decide about the message as a whole), for
/// an acknowledgement before the consumer has read it: bytes that are not UTF-8 text, framing (text outside a
/// message, no MSH), MSH delimiters, segment ids, MSH-9/10/11/12, whether the message type is read at all, and a
/// sender (MSH-4 or MSH-3). The first such problem, as the reject (reason code, detail, location) the consumer
/// stores; null when the message as a whole is usable. Problems inside the body (an unknown unit in one OBX, an
/// unmapped local code) are not message-level: the consumer stores them as rejects of their own.
/// </summary>
public static class Hl7MessageCheck
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static InputReject? FirstProblem(ReadOnlySpan<byte> body, out string text)
    {
        text = "";
        if (body.IndexOf((byte)0) >= 0 || !System.Text.Unicode.Utf8.IsValid(body))
            return new InputReject(RejectReasons.Unparseable, $"body is not UTF-8 text ({body.Length} bytes)", "body", "");
        text = Strict.GetString(body);
        if (string.IsNullOrWhiteSpace(text)) return new InputReject(RejectReasons.Unparseable, "empty payload", "body", "");
        return FirstProblem(text);
    }

    public static InputReject? FirstProblem(string text)
    {
        var (messages, junk) = Hl7Framing.Split(text);
        if (junk is not null) return junk;
        foreach (var lines in messages)
        {
            var message = Hl7Message.Parse(lines, out var reject);
            if (message is null) return reject;
            if (Hl7v2Reader.Unsupported(message) is { } unsupported) return unsupported;
            if (message.SendingSource.Length == 0)
                return message.Reject(RejectReasons.MissingField, "MSH-4 sending facility and MSH-3 sending application are empty", "MSH-4");
        }
        return null;
    }
}

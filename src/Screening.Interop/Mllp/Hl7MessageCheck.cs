using Screening.Interop.Hl7v2;

namespace Screening.Interop.Mllp;

/// <summary>
/// The message-level part of <see cref="Hl7v2Reader"/>, for an acknowledgement before the queue consumer reads the
/// message: framing (text outside a message, no MSH), MSH delimiters, segment ids, MSH-9/10/11/12 and whether the
/// message type is read at all. The first such problem, as the same reject (reason code, detail, location) the
/// consumer will store; null when the message as a whole is usable. Problems inside the message body (an unknown
/// unit in one OBX, an unmapped local code) are not message-level: the consumer stores them as rejects of their own.
/// </summary>
public static class Hl7MessageCheck
{
    public static InputReject? FirstProblem(string text)
    {
        var (messages, junk) = Hl7Framing.Split(text);
        if (junk is not null) return junk;
        foreach (var lines in messages)
        {
            var message = Hl7Message.Parse(lines, out var reject);
            if (message is null) return reject;
            if (Hl7v2Reader.Unsupported(message) is { } unsupported) return unsupported;
        }
        return null;
    }
}

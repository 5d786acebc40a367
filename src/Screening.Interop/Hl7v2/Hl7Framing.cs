using Screening.Domain.Codes;
namespace Screening.Interop.Hl7v2;

/// <summary>
/// Splits a feed (one message, an MLLP stream 0x0B…0x1C 0x0D, or an FHS/BHS…BTS/FTS batch file) into the segment
/// lines of each MSH message. Segments may end in CR, LF or CRLF. Anything before the first MSH that is not a batch
/// header makes the input <c>unparseable</c>.
/// </summary>
internal static class Hl7Framing
{
    public static (List<List<string>> Messages, InputReject? Junk) Split(string input)
    {
        var messages = new List<List<string>>();
        List<string>? current = null;
        InputReject? junk = null;
        var lineNumber = 0;
        foreach (var rawLine in input.Split(['\r', '\n', '\v', '\u001c']))
        {
            lineNumber++;
            var line = rawLine.TrimStart('\uFEFF');
            if (string.IsNullOrWhiteSpace(line)) continue;
            if (line.StartsWith("MSH", StringComparison.Ordinal))
            {
                current = [line];
                messages.Add(current);
            }
            else if (IsBatchSegment(line))
            {
                if (line.StartsWith("BTS", StringComparison.Ordinal) || line.StartsWith("FTS", StringComparison.Ordinal)) current = null;
            }
            else if (current is not null)
            {
                current.Add(line);
            }
            else
            {
                junk ??= new InputReject(RejectReasons.Unparseable,
                    "text outside an HL7 message: every message must start with an MSH segment", $"line {lineNumber}", input);
            }
        }
        if (messages.Count == 0 && junk is null)
            junk = new InputReject(RejectReasons.Unparseable, "no MSH segment found", "line 1", input);
        return (messages, junk);
    }

    private static bool IsBatchSegment(string line)
        => line.Length >= 3 && line[..3] is "FHS" or "BHS" or "BTS" or "FTS"
           && (line.Length == 3 || !char.IsAsciiLetterOrDigit(line[3]));
}

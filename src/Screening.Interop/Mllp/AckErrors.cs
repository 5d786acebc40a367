using Screening.Domain.Codes;
namespace Screening.Interop.Mllp;

/// <summary>
/// Maps what went wrong to HL7 table 0357 ("Message error condition codes", HL7 v2.5.1 §2.15.5 / chapter 2C):
/// 100 segment sequence error, 101 required field missing, 102 data type error, 200 unsupported message type,
/// 201 unsupported event code, 202 unsupported processing id, 203 unsupported version id, 207 application internal
/// error. The reject reason codes are the ones the queue consumer stores (<see cref="RejectReasons"/>).
/// </summary>
public static class AckErrors
{
    public static AckError FromReject(InputReject reject, Hl7InboundHeader header)
    {
        var location = reject.Location;
        return reject.ReasonCode switch
        {
            RejectReasons.MissingField => new("101", "Required field missing", location, reject.Detail),
            RejectReasons.UnsupportedMessage when location == "MSH-12" => new("203", "Unsupported version id", location, reject.Detail),
            RejectReasons.UnsupportedMessage when header.MessageCode is "ORU" or "ADT" => new("201", "Unsupported event code", location, reject.Detail),
            RejectReasons.UnsupportedMessage => new("200", "Unsupported message type", location, reject.Detail),
            RejectReasons.Unparseable when location == "MSH-11" => new("202", "Unsupported processing id", location, reject.Detail),
            RejectReasons.Unparseable when location == "MSH-12" => new("203", "Unsupported version id", location, reject.Detail),
            RejectReasons.Unparseable when location.StartsWith("MSH", StringComparison.Ordinal) || location == "body"
                => new("102", "Data type error", location, reject.Detail),
            _ => new("100", "Segment sequence error", location, reject.Detail),
        };
    }

    public static AckError TooLarge(long length, int limit) =>
        new("207", "Application internal error", "",
            $"message of {length} bytes exceeds the maximum of {limit} bytes accepted by this listener; it was not stored");

    public static AckError NotStored(string why) =>
        new("207", "Application internal error", "", $"message not stored ({why}); send it again later");
}

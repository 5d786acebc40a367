namespace Screening.Interop.Mllp;

/// <summary>
/// The outcome an acknowledgement reports. Original mode writes it as AA/AE/AR in MSA-1, enhanced mode (a commit
/// acknowledgement) as CA/CE/CR (HL7 table 0008).
/// </summary>
public enum AckCode
{
    /// <summary>Durable: the broker confirmed the message (AA / CA).</summary>
    Accept,
    /// <summary>Not stored because of a problem on our side (broker down, unroutable): the sender should resend (AE / CE).</summary>
    Error,
    /// <summary>The message itself cannot be used (unparseable, structurally invalid, unsupported); it is kept as a reject (AR / CR).</summary>
    Reject,
}

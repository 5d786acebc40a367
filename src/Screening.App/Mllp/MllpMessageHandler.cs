using System.Text;
using Screening.Interop;
using Screening.Interop.Mllp;

namespace Screening.App.Mllp;

/// <summary>
/// One MLLP frame → one commit acknowledgement. The frame's bytes are published as they are to
/// <c>screening.hl7v2</c> and acknowledged only after the broker's confirm: AA when the message as a whole is usable,
/// AR (with ERR) when it is not — it is still published, so the queue consumer stores it as a reject with the same
/// reason code and payload — and AE when it could not be made durable (broker down, unroutable, no confirm), never AA.
/// A frame over the size limit is answered AR and not stored (the sender keeps it as errored). Logs carry the
/// connection id, control id (MSH-10, the sender's message id) and reason codes, never payloads.
/// </summary>
public sealed class MllpMessageHandler(Hl7v2Publisher publisher, MllpOptions options, MllpMetrics metrics, TimeProvider time, ILogger<MllpMessageHandler> logger)
{
    private readonly string ackPrefix = "SCR" + Random.Shared.Next(0x10000, 0xFFFFF).ToString("X5", System.Globalization.CultureInfo.InvariantCulture);
    private long ackSequence;

    /// <summary>The framed ACK to write back, or null when the sender asked for none.</summary>
    public async Task<byte[]?> HandleAsync(MllpFrame frame, MllpConnectionStats connection, string connectionId, CancellationToken ct)
    {
        var text = "";
        InputReject? problem = null;
        if (!frame.Oversize) problem = Hl7MessageCheck.FirstProblem(frame.Content, out text);
        var header = Hl7InboundHeader.Read(text.Length > 0 ? text : Encoding.UTF8.GetString(frame.Content));
        AckCode code;
        AckError? error;
        if (frame.Oversize)
        {
            code = AckCode.Reject;
            error = AckErrors.TooLarge(frame.Length, options.MaxMessageBytes);
            logger.LogWarning("MLLP {Connection}: message {ControlId} of {Bytes} bytes is over the {Limit}-byte limit; answered AR, not stored",
                connectionId, LoggableId(header.ControlId), frame.Length, options.MaxMessageBytes);
        }
        else
        {
            try
            {
                await publisher.PublishAsync(frame.Content, ct);
                code = problem is null ? AckCode.Accept : AckCode.Reject;
                error = problem is null ? null : AckErrors.FromReject(problem, header);
                if (problem is not null)
                    logger.LogWarning("MLLP {Connection}: message {ControlId} rejected ({Reason} at {Location}, HL7 error {ErrorCode}); kept as a reject, answered AR",
                        connectionId, LoggableId(header.ControlId), problem.ReasonCode, problem.Location, error!.Code);
            }
            catch (BrokerUnavailableException ex)
            {
                code = AckCode.Error;
                error = AckErrors.NotStored(ex.Reason);
                logger.LogError("MLLP {Connection}: message {ControlId} NOT stored ({Why}); answered AE so the sender resends it",
                    connectionId, LoggableId(header.ControlId), ex.Reason);
            }
        }
        var wanted = Hl7Acknowledgement.IsWanted(header, code);
        connection.Message(code, wanted, frame.Oversize);
        metrics.Message(code, wanted, frame.Oversize);
        if (!wanted) return null;
        var ack = Hl7Acknowledgement.Build(header, code, error, NextControlId(), time.GetUtcNow());
        return MllpFrame.Wrap(Encoding.UTF8.GetBytes(ack));
    }

    /// <summary>MSH-10 for the logs only when it looks like an id (a garbled header could put any text there).</summary>
    private static string LoggableId(string controlId) =>
        controlId.Length is > 0 and <= 40 && controlId.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_') ? controlId : "(none)";

    private string NextControlId() => ackPrefix + Interlocked.Increment(ref ackSequence).ToString(System.Globalization.CultureInfo.InvariantCulture);
}

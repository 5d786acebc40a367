using System.Text.Json;
using MassTransit;
using Screening.Data.Ingest;
using Screening.Data.Rejects;
using Screening.Interop;

namespace Screening.App.Reliability;

/// <summary>
/// The error pipe of every MassTransit endpoint, in place of "move to <c>_error</c>". A message that failed before or
/// outside the consumer — a body that is not JSON or not UTF-8, a field of the wrong type, a missing required field, a
/// body over the size limit — is stored as a reject with its reason and raw payload and acknowledged. Anything else
/// that escaped the consumer (a bug) is stored as a <c>faulted</c> reject: visible with <c>rejects list --status
/// faulted</c>, re-driven by <c>rejects replay</c>. A transient failure (or failing to store the reject) is rethrown:
/// the message is requeued, so it stays the broker's until it can be kept here.
/// </summary>
public sealed class RejectingErrorFilter(string queue, IngestConnections connections, TimeProvider time, ILogger logger) : IFilter<ExceptionReceiveContext>
{
    public async Task Send(ExceptionReceiveContext context, IPipe<ExceptionReceiveContext> next)
    {
        var exception = context.Exception;
        // Shutting down mid-message, or a dependency away: requeue (the message stays the broker's), never a reject.
        if (exception is OperationCanceledException || context.CancellationToken.IsCancellationRequested || Failures.IsTransient(exception))
            throw new TransientFailureException(exception);
        var (reason, detail, status) = Classify(exception);
        var body = context.Body.GetBytes();
        var reject = new InputReject(reason, detail, "body", PayloadText.Store(body));
        await using (var connection = await connections.OpenConnectionAsync(context.CancellationToken))
            await RejectWriter.WriteAsync(connection, null, queue, FeedFormats.Json, [reject], time.GetUtcNow(), context.CancellationToken, status);
        logger.LogWarning("{Queue}: a message of {Bytes} bytes was stored as a {Status} reject ({Reason}: {Error})",
            queue, body.Length, status, reason, Failures.Describe(exception));
    }

    /// <summary>Reason, detail (no payload values) and status of a message that failed outside the ingest.</summary>
    public static (string Reason, string Detail, string Status) Classify(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
            switch (e)
            {
                case BodyTooLargeException large: return (RejectReasons.TooLarge, large.Message, "rejected");
                case System.Text.DecoderFallbackException: return (RejectReasons.Unparseable, "body is not UTF-8 text", "rejected");
                case JsonException json when json.Message.Contains("missing required properties", StringComparison.Ordinal):
                    return (RejectReasons.MissingField, "a required field is missing: " + PathOf(json), "rejected");
                case JsonException json when json.Message.Contains("could not be converted", StringComparison.Ordinal):
                    return (RejectReasons.WrongType, "a field has the wrong type: " + PathOf(json), "rejected");
                case JsonException json: return (RejectReasons.Unparseable, $"body is not valid JSON ({PathOf(json)})", "rejected");
            }
        // MassTransit's own SerializationException (its namespace moved between versions): matched by name.
        return exception.GetType().Name == "SerializationException"
            ? (RejectReasons.Unparseable, "body could not be read as the queue's message", "rejected")
            : (RejectReasons.ProcessingFailed, $"{Failures.Describe(exception)} outside the ingest", "faulted");
    }

    private static string PathOf(JsonException e) => string.IsNullOrEmpty(e.Path) ? $"line {e.LineNumber}, byte {e.BytePositionInLine}" : e.Path;

    public void Probe(ProbeContext context) => context.CreateFilterScope("rejectingError");
}

/// <summary>Rethrown from the error pipe so the message is requeued, not moved: the failure was the dependency's.</summary>
public sealed class TransientFailureException(Exception inner) : Exception("transient failure: requeue", inner);

using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Screening.App.Feeds;
using Screening.App.Messaging;
using Screening.App.Options;
using Screening.Data.Ingest;
using Screening.Data.Rejects;
using Screening.Interop;

namespace Screening.App.Reliability;

/// <summary>
/// Keeps what the broker dead-lettered visible: every few seconds, each input queue's <c>&lt;queue&gt;.dead</c> (delivery
/// limit reached) and any <c>&lt;queue&gt;_error</c> left by an older version are moved into the reject store as
/// <c>faulted</c> rejects (reason <c>dead-lettered</c>, the raw payload) — acknowledged only after the row committed, so
/// the queue is never a deletion point. <c>rejects list --status faulted</c> shows them; <c>rejects replay</c> re-drives them.
/// </summary>
public sealed class DeadLetterDrainService(RabbitMqOptions options, IngestConnections connections, TimeProvider time,
    ILogger<DeadLetterDrainService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(3);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await DrainAllAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception e) { logger.LogWarning("Dead-letter drain failed ({Error}); next attempt in {Seconds} s", Failures.Describe(e), Interval.TotalSeconds); }
            try { await Task.Delay(Interval, stoppingToken); } catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Moves every dead-lettered message into the reject store; returns how many.</summary>
    public async Task<int> DrainAllAsync(CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = new Uri(options.Url!), ClientProvidedName = "screening-dead-letters" };
        await using var connection = await factory.CreateConnectionAsync(ct);
        var moved = 0;
        foreach (var queue in QueueTopology.InputQueues)
            foreach (var parked in new[] { ReliabilityPolicy.DeadLetter(queue), queue + "_error" })
                moved += await DrainAsync(connection, queue, parked, ct);
        return moved;
    }

    private async Task<int> DrainAsync(IConnection connection, string queue, string parked, CancellationToken ct)
    {
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        var moved = 0;
        try
        {
            while (await channel.BasicGetAsync(parked, autoAck: false, ct) is { } message)
            {
                var format = FeedQueues.All.FirstOrDefault(f => f.Name == queue)?.Format ?? FeedFormats.Json;
                var reject = new InputReject(RejectReasons.DeadLettered,
                    $"parked in {parked} (delivery {DeliveryCount(message.BasicProperties)}); the pipeline could not process it", "body",
                    PayloadText.Store(message.Body.Span));
                await using (var db = await connections.OpenConnectionAsync(ct))
                    await RejectWriter.WriteAsync(db, null, queue, format, [reject], time.GetUtcNow(), ct, "faulted");
                await channel.BasicAckAsync(message.DeliveryTag, multiple: false, ct);
                moved++;
            }
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return moved; // no such queue (a _error queue that never existed)
        }
        if (moved > 0) logger.LogWarning("{Count} dead-lettered message(s) from {Queue} stored as faulted rejects", moved, parked);
        return moved;
    }

    private static long DeliveryCount(IReadOnlyBasicProperties properties) =>
        properties.Headers is { } headers && headers.TryGetValue("x-delivery-count", out var value) && value is not null
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture)
            : 0;
}

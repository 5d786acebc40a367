using Screening.App.Reliability;
using Screening.Data.Ingest;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Screening.App.Messaging;
using Screening.App.Options;

namespace Screening.App.Feeds;

/// <summary>
/// Consumes the HL7 v2 and FHIR queues with a plain RabbitMQ.Client consumer (the bodies are not JSON, so
/// MassTransit's deserializers would send them to <c>_error</c> instead of the reject store). Each delivery is one
/// unit of work, acknowledged only after its transaction committed. Input never kills the consumer: bad bodies become
/// <c>unparseable</c> rejects. The same <see cref="ReliabilityPolicy"/> as the MassTransit endpoints: a database outage
/// pauses it (<see cref="DependencyCircuit"/>), a failing unit is isolated (<see cref="IsolatingIngest"/>), and a message
/// that still fails is requeued up to <see cref="ReliabilityPolicy.DeliveryLimit"/> deliveries, then dead-lettered to
/// <c>&lt;queue&gt;.dead</c>, never dropped. Redelivery never double-counts: ingest is idempotent. Logs carry sizes,
/// counts and reasons, never payloads or patient ids.
/// </summary>
public sealed class FeedConsumerService(RabbitMqOptions options, FeedMessageHandler handler, IngestProgress progress, ILogger<FeedConsumerService> logger)
    : BackgroundService
{
    private IConnection? connection;
    private readonly List<IChannel> channels = [];
    private readonly TaskCompletionSource ready = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Host start waits (up to 30 s) until the queues are declared and consumed, so a publisher started right
    /// after finds them; a broker that is down does not fail the start: consumers keep trying in the background.</summary>
    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        await base.StartAsync(cancellationToken);
        await Task.WhenAny(ready.Task, Task.Delay(TimeSpan.FromSeconds(30), cancellationToken));
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await StartConsumersAsync(stoppingToken);
                ready.TrySetResult();
                return; // automatic recovery keeps connection, topology and consumers alive from here
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { return; }
            catch (Exception ex)
            {
                logger.LogWarning("Feed consumers could not start ({ErrorType}: {Error}); retrying in 5 s", ex.GetType().Name, ex.Message);
                await CloseAsync();
                try { await Task.Delay(TimeSpan.FromSeconds(5), stoppingToken); } catch (OperationCanceledException) { return; }
            }
        }
    }

    private async Task StartConsumersAsync(CancellationToken stoppingToken)
    {
        var concurrency = (ushort)Math.Clamp(options.ConsumerConcurrency, 1, 32);
        var factory = new ConnectionFactory
        {
            Uri = new Uri(options.Url!), ClientProvidedName = "screening-feeds", AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true, ConsumerDispatchConcurrency = concurrency,
        };
        connection = await factory.CreateConnectionAsync(stoppingToken);
        foreach (var queue in FeedQueues.All)
        {
            var channel = await connection.CreateChannelAsync(cancellationToken: stoppingToken);
            channels.Add(channel);
            await FeedQueues.DeclareAsync(channel, queue, stoppingToken);
            await channel.BasicQosAsync(0, (ushort)(concurrency * 4), false, stoppingToken);
            var consumer = new AsyncEventingBasicConsumer(channel);
            consumer.ReceivedAsync += (_, delivery) => OnDeliveryAsync(queue, channel, delivery, stoppingToken);
            await channel.BasicConsumeAsync(queue.Name, autoAck: false, consumer, stoppingToken);
            logger.LogInformation("Consuming {Queue} ({Format}), prefetch {Prefetch}, concurrency {Concurrency}", queue.Name, queue.Format,
                concurrency * 4, concurrency);
        }
    }

    private async Task OnDeliveryAsync(FeedQueue queue, IChannel channel, BasicDeliverEventArgs delivery, CancellationToken stoppingToken)
    {
        IngestSummary summary;
        try
        {
            // The reliability policy (DependencyCircuit: pause while the database is away; IsolatingIngest: bad units
            // become rejects) is inside the handler: what escapes is a shutdown or a bug while storing a reject.
            summary = await handler.HandleAsync(queue, delivery.Body, stoppingToken);
        }
        catch (Exception ex)
        {
            logger.LogError("{Queue}: a message could not be processed ({Error}, delivery {Delivery} of {Limit}); requeued",
                queue.Name, Failures.Describe(ex), DeliveryCount(delivery), ReliabilityPolicy.DeliveryLimit);
            await NackAsync(channel, delivery);
            return;
        }
        try { await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false, CancellationToken.None); }
        catch (Exception ex)
        {
            // Committed but not acknowledged (channel lost): the broker redelivers it and ingest finds duplicates.
            logger.LogWarning("{Queue}: acknowledging a stored message failed ({ErrorType}); its redelivery will be a duplicate", queue.Name, ex.GetType().Name);
            return;
        }
        progress.Consumed(1);
        logger.LogInformation(
            "{Queue}: message of {Bytes} bytes ingested: {Accepted} new, {Duplicates} duplicate, {Ignored} ignored, {Rejected} rejected",
            queue.Name, delivery.Body.Length, summary.Accepted, summary.Duplicates, summary.Ignored, summary.Rejected);
    }

    private static long DeliveryCount(BasicDeliverEventArgs delivery) =>
        delivery.BasicProperties.Headers is { } headers && headers.TryGetValue("x-delivery-count", out var value) && value is not null
            ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) + 1
            : 1;

    private async Task NackAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        try { await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true, CancellationToken.None); }
        catch (Exception ex) { logger.LogWarning("Could not requeue a delivery ({ErrorType}); the broker redelivers it when the channel closes", ex.GetType().Name); }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken);
        await CloseAsync();
    }

    private async Task CloseAsync()
    {
        foreach (var channel in channels)
        {
            try { await channel.CloseAsync(); } catch (Exception) { /* closing anyway */ }
            channel.Dispose();
        }
        channels.Clear();
        if (connection is not null)
        {
            try { await connection.CloseAsync(); } catch (Exception) { /* closing anyway */ }
            connection.Dispose();
            connection = null;
        }
    }
}

using System.Collections.Concurrent;
using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;
using Screening.App.Feeds;
using Screening.App.Options;

namespace Screening.App.Mllp;

/// <summary>
/// Makes an inbound HL7 v2 message durable the way every other HL7 v2 input arrives: published as is to the
/// <c>screening.hl7v2</c> exchange, persistent, <c>mandatory</c> (a message no queue takes is returned, not dropped)
/// and with publisher confirms (the call completes only once the broker has it in the quorum queue). The queue
/// consumer then does what it does for every HL7 v2 body: reads, stores facts or rejects, idempotently. The topology
/// is declared here too (same arguments as the consumer) so messages are kept even before a worker starts.
/// Channels are pooled (one per in-flight message); any failure becomes <see cref="BrokerUnavailableException"/>.
/// </summary>
public sealed class Hl7v2Publisher(RabbitMqOptions rabbit, MllpOptions options, ILogger<Hl7v2Publisher> logger) : IAsyncDisposable
{
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromSeconds(2);
    private static readonly BasicProperties Properties = new() { ContentType = "application/hl7-v2", DeliveryMode = DeliveryModes.Persistent };
    private readonly SemaphoreSlim connecting = new(1, 1);
    private readonly ConcurrentBag<IChannel> idle = [];
    private IConnection? connection;
    private DateTime nextAttemptUtc = DateTime.MinValue;

    public async Task PublishAsync(ReadOnlyMemory<byte> body, CancellationToken ct)
    {
        var channel = await RentAsync(ct);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromSeconds(options.PublishTimeoutSeconds));
        try
        {
            await channel.BasicPublishAsync(FeedQueues.Hl7v2.Name, "", mandatory: true, Properties, body, timeout.Token);
            idle.Add(channel);
        }
        catch (PublishException ex)
        {
            idle.Add(channel);
            throw new BrokerUnavailableException(ex.IsReturn
                ? $"unroutable: no queue is bound to the {FeedQueues.Hl7v2.Name} exchange"
                : "the broker refused it (nack)", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            await DiscardAsync(channel);
            throw new BrokerUnavailableException($"no publisher confirm within {options.PublishTimeoutSeconds} s", ex);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            await DiscardAsync(channel);
            throw new BrokerUnavailableException($"broker connection failed: {ex.GetType().Name}", ex);
        }
    }

    private async Task<IChannel> RentAsync(CancellationToken ct)
    {
        while (idle.TryTake(out var pooled))
        {
            if (pooled.IsOpen) return pooled;
            await DiscardAsync(pooled);
        }
        var open = await ConnectionAsync(ct);
        try
        {
            return await open.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true), ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new BrokerUnavailableException($"broker connection is not open: {ex.GetType().Name}", ex);
        }
    }

    private async Task<IConnection> ConnectionAsync(CancellationToken ct)
    {
        if (connection is { } existing) return existing;
        await connecting.WaitAsync(ct);
        try
        {
            if (connection is { } raced) return raced;
            if (DateTime.UtcNow < nextAttemptUtc) throw new BrokerUnavailableException("broker unreachable (retrying)");
            try
            {
                var factory = new ConnectionFactory
                {
                    Uri = new Uri(rabbit.Url!), ClientProvidedName = "screening-mllp", AutomaticRecoveryEnabled = true,
                    TopologyRecoveryEnabled = false, RequestedConnectionTimeout = TimeSpan.FromSeconds(5),
                };
                var created = await factory.CreateConnectionAsync(ct);
                await using (var setup = await created.CreateChannelAsync(cancellationToken: ct))
                    await FeedQueues.DeclareAsync(setup, FeedQueues.Hl7v2, ct);
                logger.LogInformation("MLLP: connected to the broker; messages are published to {Exchange} with confirms", FeedQueues.Hl7v2.Name);
                connection = created;
                return created;
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                nextAttemptUtc = DateTime.UtcNow + ReconnectPause;
                logger.LogError("MLLP: cannot reach the broker ({ErrorType}: {Error}); messages are answered AE (not stored) until it is back",
                    ex.GetType().Name, ex.Message);
                throw new BrokerUnavailableException($"broker unreachable: {ex.GetType().Name}", ex);
            }
        }
        finally
        {
            connecting.Release();
        }
    }

    private static async Task DiscardAsync(IChannel channel)
    {
        try { await channel.DisposeAsync(); } catch (Exception) { /* already broken */ }
    }

    public async ValueTask DisposeAsync()
    {
        while (idle.TryTake(out var channel)) await DiscardAsync(channel);
        if (connection is not null)
        {
            try { await connection.CloseAsync(); } catch (Exception) { /* closing anyway */ }
            connection.Dispose();
            connection = null;
        }
    }
}

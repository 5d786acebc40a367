using System.Text;
using System.Text.Json;
using RabbitMQ.Client;

namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// A consumer of task events as a downstream system would be: a durable queue bound to a MassTransit message-type
/// exchange, drained with manual reads. It deduplicates by message id, the contract for at-least-once delivery.
/// </summary>
public sealed class EventProbe(string amqpUrl, string queue)
{
    public static async Task<EventProbe> BindAsync(string amqpUrl, string messageTypeExchange)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = "probe-" + Guid.NewGuid().ToString("N")[..8];
        await channel.ExchangeDeclareAsync(messageTypeExchange, ExchangeType.Fanout, durable: true);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, messageTypeExchange, "");
        return new EventProbe(amqpUrl, queue);
    }

    private readonly List<(string MessageId, long EventId)> received = [];

    /// <summary>A probe for <see cref="Eventually"/>: each call drains more and returns all received so far.</summary>
    public Func<Task<List<(string MessageId, long EventId)>>> DrainAsyncAccumulating() => async () =>
    {
        received.AddRange(await DrainAsync());
        return received;
    };

    /// <summary>Everything delivered since the last drain: (message id, event id) per message, duplicates included.</summary>
    public async Task<List<(string MessageId, long EventId)>> DrainAsync()
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var seen = new List<(string, long)>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
        {
            var envelope = JsonDocument.Parse(Encoding.UTF8.GetString(message.Body.Span)).RootElement;
            seen.Add((envelope.GetProperty("messageId").GetString()!, envelope.GetProperty("message").GetProperty("eventId").GetInt64()));
        }
        return seen;
    }
}

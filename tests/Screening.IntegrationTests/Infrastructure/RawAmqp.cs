using System.Text;
using RabbitMQ.Client;

namespace Screening.IntegrationTests.Infrastructure;

/// <summary>A plain AMQP client, as an interface engine would be: no MassTransit, no envelope, confirms on.</summary>
public static class RawAmqp
{
    public static async Task PublishAsync(string amqpUrl, string exchange, string body, string? contentType = "application/json")
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(
            publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
        var properties = new BasicProperties { ContentType = contentType, DeliveryMode = DeliveryModes.Persistent };
        await channel.BasicPublishAsync(exchange, "", mandatory: true, properties, Encoding.UTF8.GetBytes(body));
    }

    /// <summary>Declares a queue bound to a MassTransit message-type exchange, to observe published events.</summary>
    public static async Task<string> BindProbeQueueAsync(string amqpUrl, string messageTypeExchange)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var queue = "probe-" + Guid.NewGuid().ToString("N")[..8];
        await channel.ExchangeDeclareAsync(messageTypeExchange, ExchangeType.Fanout, durable: true);
        await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false);
        await channel.QueueBindAsync(queue, messageTypeExchange, "");
        return queue;
    }

    /// <summary>Messages ready in a queue (passive declare: throws if it does not exist).</summary>
    public static async Task<uint> DepthAsync(string amqpUrl, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    public static async Task<List<string>> DrainAsync(string amqpUrl, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        var bodies = new List<string>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } message)
            bodies.Add(Encoding.UTF8.GetString(message.Body.Span));
        return bodies;
    }
}

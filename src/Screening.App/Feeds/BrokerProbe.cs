using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Screening.App.Feeds;

/// <summary>Asks the broker about a queue without changing anything (passive declare).</summary>
public static class BrokerProbe
{
    /// <summary>How many consumers the queue has, or null if the queue does not exist.</summary>
    public static async Task<uint?> ConsumersAsync(string amqpUrl, string queue, CancellationToken ct)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl), ClientProvidedName = "screening-probe" };
        await using var connection = await factory.CreateConnectionAsync(ct);
        await using var channel = await connection.CreateChannelAsync(cancellationToken: ct);
        try
        {
            var ok = await channel.QueueDeclarePassiveAsync(queue, ct);
            return ok.ConsumerCount;
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == 404)
        {
            return null;
        }
    }
}

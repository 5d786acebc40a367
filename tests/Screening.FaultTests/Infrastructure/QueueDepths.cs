using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace Screening.FaultTests.Infrastructure;

/// <summary>Exact message counts of a vhost's queues (passive declares, not the management API's sampled stats).</summary>
public static class QueueDepths
{
    public static async Task<uint> OfAsync(string amqpUrl, string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(amqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try { return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount; }
        catch (OperationInterruptedException) { return 0; } // no such queue: nothing parked there
    }
}

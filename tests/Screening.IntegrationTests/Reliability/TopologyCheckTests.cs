using Screening.App.Reliability;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Reliability;

/// <summary>Issue 13: the startup check fails loudly when a queue was declared with other arguments (never deletes it itself).</summary>
public sealed class TopologyCheckTests
{
    [IntegrationFact]
    public async Task A_queue_declared_with_other_arguments_fails_the_start_loudly_until_it_is_drained_and_deleted()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        var factory = new RabbitMQ.Client.ConnectionFactory { Uri = new Uri(servers.AmqpUrl) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            // What an older version declared: delivery limit 10, no dead-letter target.
            foreach (var queue in new[] { "screening.results", "screening.patients" })
                await channel.QueueDeclareAsync(queue, true, false, false, new Dictionary<string, object?> { ["x-queue-type"] = "quorum", ["x-delivery-limit"] = 10 });
            await channel.BasicPublishAsync("", "screening.results", false, new RabbitMQ.Client.BasicProperties(), System.Text.Encoding.UTF8.GetBytes("{}"));
        }

        var failure = await Assert.ThrowsAsync<TopologyMismatchException>(() => QueueTopology.EnsureAsync(servers.AmqpUrl, CancellationToken.None));
        Assert.Contains("screening.results", failure.Message);

        Assert.Contains("delete", failure.Message);

        // Drained and deleted by the operator, as the message says: the check passes and the queue has its dead-letter target.
        await RawAmqp.DrainAsync(servers.AmqpUrl, "screening.results");
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
            foreach (var queue in new[] { "screening.results", "screening.patients" }) await channel.QueueDeleteAsync(queue, false, false);
        await QueueTopology.EnsureAsync(servers.AmqpUrl, CancellationToken.None);
        Assert.Equal(0u, await RawAmqp.DepthAsync(servers.AmqpUrl, "screening.results.dead"));
    }
}

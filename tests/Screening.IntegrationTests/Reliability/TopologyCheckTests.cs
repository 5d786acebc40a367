using Screening.App.Reliability;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Reliability;

/// <summary>Issue 13: the startup check fails loudly when a queue holding messages was declared with other arguments; an empty one is upgraded.</summary>
public sealed class TopologyCheckTests
{
    [IntegrationFact]
    public async Task A_non_empty_queue_with_other_arguments_fails_the_start_and_an_empty_one_is_redeclared()
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

        var upgraded = new List<string>();
        await RawAmqp.DrainAsync(servers.AmqpUrl, "screening.results");
        await QueueTopology.EnsureAsync(servers.AmqpUrl, CancellationToken.None, upgraded.Add);
        Assert.Equal(["screening.results", "screening.patients"], upgraded);
    }
}

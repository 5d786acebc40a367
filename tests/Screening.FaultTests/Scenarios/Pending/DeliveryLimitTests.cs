using RabbitMQ.Client;
using Screening.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.FaultTests.Scenarios.Pending;

[Collection(FaultCollection.Name)]
public sealed class DeliveryLimitTests(FaultServers servers, ITestOutputHelper output)
{
    [FaultFact]
    public async Task A_message_redelivered_past_the_delivery_limit_is_dead_lettered_not_deleted()
    {
        await using var world = await FaultWorld.StartAsync(servers);
        var feed = new ResultFeed("LIMIT", 1);
        var worker = await world.StartWorkerAsync("topology"); // declares the queues and their arguments
        await worker.KillAsync();
        await world.Publisher().PublishAsync(RawPublisher.Utf8(feed.Bodies()), TimeSpan.FromMinutes(1));

        // A consumer that keeps failing: take the message and hand it back, more times than the delivery limit.
        var factory = new ConnectionFactory { Uri = new Uri(world.Broker.AmqpUrl) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
        {
            for (var attempt = 0; attempt < 15; attempt++)
            {
                if (await channel.BasicGetAsync("screening.results", autoAck: false) is not { } delivery) break;
                await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true);
            }
        }

        var depths = await world.Broker.DepthsAsync();
        output.WriteLine(string.Join(", ", depths));
        Assert.True(depths.Values.Sum(v => (long)v) == 1,
            $"the message past the delivery limit is in no queue of the vhost (deleted, not dead-lettered): {string.Join(", ", depths)}");
    }
}

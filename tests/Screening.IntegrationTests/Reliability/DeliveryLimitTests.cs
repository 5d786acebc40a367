using System.Text;
using Microsoft.Extensions.DependencyInjection;
using RabbitMQ.Client;
using Screening.App.Hosting;
using Screening.App.Reliability;
using Screening.Data.Rejects;
using Screening.IntegrationTests.Infrastructure;
using Screening.Interop.Mapping;

namespace Screening.IntegrationTests.Reliability;

/// <summary>Issue 13: a delivery-limit breach parks the message (never deletes it); it becomes a visible, replayable faulted reject.</summary>
public sealed class DeliveryLimitTests(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    private const string Result = """
        {"sourceSystem":"lab-d","resultId":"D-1","patientId":"P-D-1","loinc":"718-7","value":12.5,"unit":"g/dL","collectedAt":"2025-03-01T09:00:00-05:00","status":"final"}
        """;

    [IntegrationFact]
    public async Task A_message_over_the_delivery_limit_is_dead_lettered_stored_as_faulted_and_replay_stores_its_result()
    {
        await QueueTopology.EnsureAsync(servers.AmqpUrl, CancellationToken.None);
        await RawAmqp.PublishAsync(servers.AmqpUrl, "screening.results", Result);
        await NackUntilDeadLetteredAsync("screening.results");

        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE status = 'faulted' AND reason_code = 'dead-lettered'"),
            n => n == 1, TimeSpan.FromSeconds(60), "the dead-lettered message stored as faulted");
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE source_system = 'lab-d'"));

        var replay = ActivatorUtilities.CreateInstance<RejectReplay>(host.Services);
        var summary = await replay.ReplayAsync(new RejectFilter(Reason: "dead-lettered", Status: "faulted"), LocalCodeMap.Empty, "test", CancellationToken.None);

        Assert.Equal((1, 1), (summary.Replayed, summary.Accepted));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE source_system = 'lab-d' AND result_id = 'D-1'"));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE status = 'faulted'"));
        await host.StopAsync();
    }

    /// <summary>A consumer that keeps failing: take the message and give it back until the broker stops offering it.</summary>
    private async Task NackUntilDeadLetteredAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(servers.AmqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        for (var deliveries = 0; deliveries <= ReliabilityPolicy.DeliveryLimit + 1; deliveries++)
        {
            var message = await Eventually.Get(() => channel.BasicGetAsync(queue, autoAck: false), m => m is not null || deliveries > ReliabilityPolicy.DeliveryLimit,
                TimeSpan.FromSeconds(30), "the message offered again");
            if (message is null) break;
            Assert.Equal(Result, Encoding.UTF8.GetString(message.Body.Span));
            await channel.BasicNackAsync(message.DeliveryTag, multiple: false, requeue: true);
        }
        // The quorum queue dead-letters asynchronously after the last return: wait for it to arrive.
        await Eventually.Get(async () => (await channel.QueueDeclarePassiveAsync(ReliabilityPolicy.DeadLetter(queue))).MessageCount,
            n => n == 1u, TimeSpan.FromSeconds(30), "the message in the dead-letter queue");
    }
}

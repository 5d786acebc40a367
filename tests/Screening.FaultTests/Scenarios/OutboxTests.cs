using Screening.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.FaultTests.Scenarios;

[Collection(FaultCollection.Name)]
public sealed class OutboxTests(FaultServers servers, ITestOutputHelper output)
{
    [FaultFact]
    public async Task Task_events_pending_across_a_broker_kill_are_all_announced_and_a_consumer_deduplicating_by_message_id_sees_each_once()
    {
        await using var world = await FaultWorld.StartAsync(servers);
        var feed = new ResultFeed("OUTBOX", FaultScale.Results(3_000), criticalEvery: 5); // one critical patient in five results
        var probe = await EventProbe.BindAsync(world.Broker.AmqpUrl, "Screening.Contracts:CriticalResultDetected");
        await world.StartWorkerAsync("worker");
        await world.Publisher().PublishAsync(RawPublisher.Utf8(feed.Bodies()), TimeSpan.FromMinutes(1));

        // Critical results open tasks at ingest and put their events in the outbox; kill the broker while the
        // dispatcher is announcing them (claimed rows are marked published only after the broker confirmed).
        await Eventually.Until(async () => await world.Database.CountAsync(
                "SELECT count(*) FROM outreach_task_event WHERE kind = 'critical' AND published_at IS NOT NULL") > 0,
            FaultScale.Deadline(feed.Count), "the first critical event announced");
        await world.Broker.KillAsync();
        var killed = DateTime.UtcNow;
        await world.Broker.RestartAsync();

        var ledger = await Expect.NothingLostAsync(world.Database, feed);
        var events = await world.Database.CountAsync("SELECT count(*) FROM outreach_task_event WHERE kind = 'critical'");
        var delivered = await Eventually.Get(probe.DrainAsyncAccumulating(), d => d.Select(m => m.EventId).Distinct().Count() >= events,
            FaultScale.Deadline(feed.Count), $"{events} distinct critical events delivered");
        Assert.Equal(events, feed.CriticalPatients);
        Assert.Equal(events, delivered.Select(m => m.MessageId).Distinct().Count());     // the consumer's dedup key
        Assert.Equal(events, delivered.Select(m => m.EventId).Distinct().Count());
        Assert.All(delivered.GroupBy(m => m.MessageId), g => Assert.Single(g.Select(m => m.EventId).Distinct())); // one id, one event
        output.WriteLine($"events={events} delivered={delivered.Count} (re-sent {delivered.Count - events})");
        output.WriteLine(FaultScale.Report("outbox-broker-kill", feed.Count, ledger, DateTime.UtcNow - killed));
    }
}

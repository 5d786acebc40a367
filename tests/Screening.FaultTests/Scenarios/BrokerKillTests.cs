using Screening.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.FaultTests.Scenarios;

[Collection(FaultCollection.Name)]
public sealed class BrokerKillTests(FaultServers servers, ITestOutputHelper output)
{
    [FaultFact]
    public async Task A_broker_killed_mid_publish_loses_nothing_because_the_publisher_republishes_what_was_not_confirmed()
    {
        await using var world = await FaultWorld.StartAsync(servers);
        var feed = new ResultFeed("MQPUBLISH", FaultScale.Results(4_000));
        await world.StartWorkerAsync("worker");
        var publisher = world.Publisher();
        var publishing = publisher.PublishAsync(RawPublisher.Utf8(feed.Bodies()), TimeSpan.FromMinutes(2));

        await Eventually.Until(() => Task.FromResult(publisher.Confirmed >= feed.Count / 3 || publishing.IsCompleted),
            FaultScale.Deadline(feed.Count), "a third of the feed confirmed");
        await world.Broker.KillAsync();
        var killed = DateTime.UtcNow;
        await world.Broker.RestartAsync();
        await publishing;

        var ledger = await Expect.NothingLostAsync(world.Database, feed);
        output.WriteLine($"publisher: reconnects={publisher.Reconnects} republished={publisher.Republished}");
        output.WriteLine(FaultScale.Report("broker-kill-mid-publish", feed.Count, ledger, DateTime.UtcNow - killed));
    }
}

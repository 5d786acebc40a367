using Screening.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.FaultTests.Scenarios;

[Collection(FaultCollection.Name)]
public sealed class WorkerKillTests(FaultServers servers, ITestOutputHelper output)
{
    [FaultFact]
    public async Task A_worker_killed_with_SIGKILL_twice_mid_ingest_loses_nothing_and_redelivered_batches_are_not_stored_twice()
    {
        await using var world = await FaultWorld.StartAsync(servers);
        var feed = new ResultFeed("KILL9", FaultScale.Results(4_000));
        var worker = await world.StartWorkerAsync("first");
        var publishing = world.Publisher().PublishAsync(RawPublisher.Utf8(feed.Bodies()), TimeSpan.FromMinutes(2));

        // Batches are committed and then acked: a kill in between leaves committed messages unacked, so the broker
        // redelivers them to the next worker, which must recognise them.
        foreach (var (share, next) in new[] { (3, "second"), (2, "third") })
        {
            await Ledger.WaitStoredAsync(world.Database, feed.Prefix, feed.Count / share, FaultScale.Deadline(feed.Count));
            await worker.KillAsync();
            worker = await world.StartWorkerAsync(next);
        }
        var restarted = DateTime.UtcNow;
        await publishing;

        var ledger = await Expect.NothingLostAsync(world.Database, feed);
        output.WriteLine(FaultScale.Report("worker-kill9-x2", feed.Count, ledger, DateTime.UtcNow - restarted));
    }
}

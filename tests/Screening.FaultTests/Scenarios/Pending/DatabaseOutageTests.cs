using Screening.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.FaultTests.Scenarios.Pending;

[Collection(FaultCollection.Name)]
public sealed class DatabaseOutageTests(FaultServers servers, ITestOutputHelper output)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };

    [FaultFact]
    public async Task A_database_stopped_immediately_for_60_s_mid_ingest_loses_nothing_parks_nothing_and_readiness_says_so()
    {
        await using var world = await FaultWorld.StartAsync(servers);
        var feed = new ResultFeed("PGDOWN", FaultScale.Results(6_000));
        var worker = await world.StartWorkerAsync("worker");
        await world.Publisher().PublishAsync(RawPublisher.Utf8(feed.Bodies()), TimeSpan.FromMinutes(1));

        await Ledger.WaitStoredAsync(world.Database, feed.Prefix, feed.Count / 3, FaultScale.Deadline(feed.Count));
        await world.Database.Server.StopImmediatelyAsync();
        var notReadyDuringOutage = false;
        try
        {
            notReadyDuringOutage = await Eventually.Get(async () => !(await Http.GetAsync($"http://127.0.0.1:{worker.HealthPort}/health/ready")).IsSuccessStatusCode,
                down => down, TimeSpan.FromSeconds(30), "/health/ready not ready while the database is down");
        }
        catch (TimeoutException) { }
        await Task.Delay(TimeSpan.FromSeconds(60) - TimeSpan.FromSeconds(notReadyDuringOutage ? 0 : 30)); // the outage itself lasts 60 s
        await world.Database.Server.RestartAsync();
        var restarted = DateTime.UtcNow;

        var ledger = await Expect.NothingLostAsync(world.Database, feed);
        var depths = await world.Broker.DepthsAsync();
        Assert.True(depths.GetValueOrDefault("screening.results_error") == 0, $"parked in screening.results_error: {string.Join(", ", depths)}");
        Assert.True(notReadyDuringOutage, "/health/ready stayed 200 while the database was down");
        output.WriteLine(FaultScale.Report("database-stop-60s", feed.Count, ledger, DateTime.UtcNow - restarted));
    }
}

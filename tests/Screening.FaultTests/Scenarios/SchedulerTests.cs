using Screening.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.FaultTests.Scenarios;

[Collection(FaultCollection.Name)]
public sealed class SchedulerTests(FaultServers servers, ITestOutputHelper output)
{
    [FaultFact]
    public async Task Two_workers_with_the_clustered_schedule_run_one_screen_per_fire_time()
    {
        await using var world = await FaultWorld.StartAsync(servers);
        var feed = new ResultFeed("SCHED", FaultScale.Results(1_000));
        var schedule = new Dictionary<string, string>
        {
            ["SCREENING_Schedule__Enabled"] = "true",
            ["SCREENING_Schedule__Cron"] = "0/10 * * * * ?",   // every 10 s instead of nightly
            ["SCREENING_Schedule__TimeZone"] = "UTC",
        };
        await world.StartWorkerAsync("scheduler-a", schedule);
        await world.StartWorkerAsync("scheduler-b", schedule);
        await world.Publisher().PublishAsync(RawPublisher.Utf8(feed.Bodies()), TimeSpan.FromMinutes(1));
        var ledger = await Expect.NothingLostAsync(world.Database, feed);

        const int fires = 4;
        await Eventually.Until(async () => await world.Database.CountAsync("SELECT count(*) FROM screening_run WHERE status = 'succeeded'") >= fires,
            TimeSpan.FromSeconds(fires * 10 + 90), $"{fires} scheduled screens");

        // Fire times are 10 s apart: two runs starting in the same 10-second slot = one fire time screened twice.
        Assert.Equal(0, await world.Database.CountAsync("""
            SELECT count(*) FROM (SELECT floor(extract(epoch FROM started_at) / 10) FROM screening_run
                                  GROUP BY 1 HAVING count(*) > 1) twice
            """));
        Assert.Equal(0, await world.Database.CountAsync("SELECT count(*) FROM screening_run WHERE status = 'failed'"));
        Assert.Equal(0, await world.Database.CountAsync(Ledger.DuplicateOpenTasksSql));
        var runs = await world.Database.CountAsync("SELECT count(*) FROM screening_run");
        output.WriteLine($"runs={runs} {ledger}");
    }
}

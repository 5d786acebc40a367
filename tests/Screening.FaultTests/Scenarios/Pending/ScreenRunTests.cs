using System.Text;
using Screening.FaultTests.Infrastructure;
using Xunit.Abstractions;

namespace Screening.FaultTests.Scenarios.Pending;

[Collection(FaultCollection.Name)]
public sealed class ScreenRunTests(FaultServers servers, ITestOutputHelper output)
{
    [FaultFact]
    public async Task A_screen_killed_midway_is_marked_abandoned_and_the_rerun_completes_with_one_task_and_one_event_each()
    {
        await using var world = await FaultWorld.StartAsync(servers);
        var patients = FaultScale.Results(4_000);
        var timeout = FaultScale.Deadline(patients * 10);
        await ScreeningCli.RunAsync(world.Database, world.Broker, timeout, "seed", "--patients", patients.ToString(), "--seed", "7", "--direct");

        var log = new StringBuilder();
        using (var screen = ScreeningCli.Start(world.Database, world.Broker, log, "screen", "--as-of", "2026-11-02"))
        {
            await Eventually.Until(async () => screen.HasExited
                    || await world.Database.CountAsync("SELECT count(*) FROM screening_run WHERE status = 'running'") > 0,
                timeout, "the screen's run recorded");
            Assert.False(screen.HasExited, $"the screen finished before it could be killed; raise the population:\n{log}");
            screen.Kill(entireProcessTree: true);   // kill -9 midway
            await screen.WaitForExitAsync();
        }
        await ScreeningCli.RunAsync(world.Database, world.Broker, timeout, "screen", "--as-of", "2026-11-02");

        var runs = await world.Database.CountAsync("SELECT count(*) FROM screening_run");
        Assert.Equal(2, runs);
        Assert.Equal(0, await world.Database.CountAsync("SELECT count(*) FROM screening_run WHERE status = 'running'"));
        Assert.Equal(1, await world.Database.CountAsync("SELECT count(*) FROM screening_run WHERE status = 'abandoned'"));
        Assert.Equal(1, await world.Database.CountAsync("SELECT count(*) FROM screening_run WHERE status = 'succeeded'"));
        Assert.Equal(0, await world.Database.CountAsync(Ledger.DuplicateOpenTasksSql));
        Assert.Equal(0, await world.Database.CountAsync("""
            SELECT count(*) FROM outreach_task t
            WHERE t.rule_id <> 'critical-value'
              AND (SELECT count(*) FROM outreach_task_event e WHERE e.task_id = t.id AND e.kind = 'queued') <> 1
            """));
        output.WriteLine($"tasks={await world.Database.CountAsync("SELECT count(*) FROM outreach_task")}");
    }
}

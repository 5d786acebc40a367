using Screening.App.Hosting;
using Screening.Data.Ingest;
using Screening.IntegrationTests.Infrastructure;
using static Screening.IntegrationTests.Infrastructure.Facts;

namespace Screening.IntegrationTests.Spine;

public sealed class NightlyJobTests : IAsyncLifetime
{
    private IsolatedServers servers = null!;
    public async Task InitializeAsync() => servers = await IsolatedServers.CreateAsync();
    public Task DisposeAsync() => servers.DisposeAsync();

    [IntegrationFact]
    public async Task The_scheduled_job_runs_the_screen_from_the_clustered_PostgreSQL_job_store_and_never_overlaps()
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Worker, s =>
        {
            s.Schedule.Enabled = true;
            s.Schedule.Cron = "0/2 * * * * ?";
            s.Schedule.TimeZone = "Europe/Berlin";
        });
        await host.Get<ClinicalRecordsIngest>().IngestAsync(new IngestBatch("test", "json", [Woman("P-N1")],
            [Hb("P-N1", "N1-1", 11.0m, "2025-08-01"), Hb("P-N1", "N1-2", 11.2m, "2026-03-15")], [], [], []), CancellationToken.None);

        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM screening_run WHERE trigger = 'schedule' AND status = 'succeeded'"),
            n => n >= 2, TimeSpan.FromSeconds(40), "two scheduled screens");
        await host.StopAsync();

        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM qrtz_job_details WHERE job_name = 'nightly-screen'"));
        Assert.Equal(0, await servers.DataSource.Count("""
            SELECT count(*) FROM screening_run a JOIN screening_run b ON a.id < b.id
            WHERE a.finished_at > b.started_at AND a.trigger = 'schedule' AND b.trigger = 'schedule'
            """));
        Assert.Equal(1, await servers.DataSource.Count(
            "SELECT count(*) FROM outreach_task t JOIN patient p USING (patient_key) WHERE p.external_id = 'P-N1' AND t.rule_id = 'persistent-anemia'"));
    }
}

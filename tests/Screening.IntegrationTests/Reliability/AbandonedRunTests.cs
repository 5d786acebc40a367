using Microsoft.Extensions.Hosting;
using Screening.App.Hosting;
using Screening.Contracts;
using Screening.Data.Ingest;
using Screening.Data.Screening;
using Screening.IntegrationTests.Infrastructure;
using static Screening.IntegrationTests.Infrastructure.Facts;

namespace Screening.IntegrationTests.Reliability;

/// <summary>Issue 13: a screen whose process died is marked abandoned by the next one, with the counts it reached; progress is recorded as it goes.</summary>
public sealed class AbandonedRunTests(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    private static readonly DateOnly AsOf = new(2025, 6, 1);

    [IntegrationFact]
    public async Task A_run_left_running_by_a_dead_process_is_marked_abandoned_with_its_counts_and_the_next_screen_records_its_own()
    {
        using var host = TestApp.Build(servers, HostRole.Database | HostRole.Rules | HostRole.Ingest);
        await host.Get<ClinicalRecordsIngest>().IngestAsync(new IngestBatch("test", "json", [Woman("P-AB1"), Woman("P-AB2")],
            [Hb("P-AB1", "AB-1", 11.1m, "2024-09-01"), Hb("P-AB1", "AB-2", 10.9m, "2025-03-20")], [], [], []), CancellationToken.None);
        // What a screen killed with -9 after its first page leaves behind: a 'running' row with the counts its pages committed.
        var dead = await servers.DataSource.Scalar<long>("""
            INSERT INTO screening_run (as_of, trigger, status, rule_version, mode, patients_screened, tasks_opened, progress_at, started_at)
            VALUES ('2025-06-01', 'cli', 'running', 'v', 'incremental', 1000, 7, now() - interval '1 hour', now() - interval '2 hours') RETURNING id
            """);

        var result = await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);

        Assert.Equal("abandoned", await servers.DataSource.Scalar<string>("SELECT status FROM screening_run WHERE id = $1", dead));
        Assert.Equal(1000, await servers.DataSource.Scalar<int>("SELECT patients_screened FROM screening_run WHERE id = $1", dead));
        Assert.Equal(7, await servers.DataSource.Scalar<int>("SELECT tasks_opened FROM screening_run WHERE id = $1", dead));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM screening_run WHERE id = $1 AND finished_at IS NOT NULL AND error IS NOT NULL", dead));
        Assert.Equal("succeeded", await servers.DataSource.Scalar<string>("SELECT status FROM screening_run WHERE id = $1", result.RunId));
        Assert.Equal(2, await servers.DataSource.Scalar<int>("SELECT patients_screened FROM screening_run WHERE id = $1", result.RunId));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM screening_run WHERE id = $1 AND progress_at IS NOT NULL", result.RunId));
    }
}

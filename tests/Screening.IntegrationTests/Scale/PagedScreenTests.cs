using Microsoft.Extensions.Logging.Abstractions;
using Screening.App.Demo;
using Screening.App.Hosting;
using Screening.Data.Ingest;
using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Scale;

/// <summary>
/// The nightly screen's pipeline (many small keyset pages, concurrent readers and writers) decides exactly what a
/// single-page, single-reader, single-writer screen decides over the same data; a second run for the same date changes
/// nothing; a later date only changes what time changes. Not timed.
/// </summary>
public sealed class PagedScreenTests
{
    [IntegrationFact]
    public async Task Many_concurrent_pages_decide_what_one_page_decides()
    {
        var asOf = new DateOnly(2026, 11, 2);
        await using var paged = await IsolatedServers.CreateAsync();
        await using var single = await IsolatedServers.CreateAsync();
        await LoadAsync(paged);
        await LoadAsync(single);

        var pagedRun = await ScreenAsync(paged, asOf, s => new PopulationScreen(s.DataSource, s.Rules, NullLogger<PopulationScreen>.Instance)
            { BatchSize = 37, Readers = 3, Writers = 3, PagesInFlight = 2 });
        var singleRun = await ScreenAsync(single, asOf, s => new PopulationScreen(s.DataSource, s.Rules, NullLogger<PopulationScreen>.Instance)
            { BatchSize = 100_000, Readers = 1, Writers = 1, PagesInFlight = 1 });

        Assert.Equal(600, pagedRun.PatientsScreened);
        Assert.True(pagedRun.TasksOpened > 50, $"the population should open tasks, opened {pagedRun.TasksOpened}");
        Assert.Equal((singleRun.PatientsScreened, singleRun.TasksOpened), (pagedRun.PatientsScreened, pagedRun.TasksOpened));
        Assert.Equal(singleRun.FindingsByRule.OrderBy(x => x.Key), pagedRun.FindingsByRule.OrderBy(x => x.Key));
        Assert.Equal(await SnapshotAsync(single), await SnapshotAsync(paged));

        var again = await ScreenAsync(paged, asOf, s => new PopulationScreen(s.DataSource, s.Rules, NullLogger<PopulationScreen>.Instance)
            { BatchSize = 37, Readers = 3, Writers = 3 });
        Assert.True(again.ChangedNothing, "a second screen for the same date must change nothing");
        Assert.Equal(600, again.PatientsScreened);
    }

    private sealed record Services(Npgsql.NpgsqlDataSource DataSource, ActiveRules Rules);

    private static async Task LoadAsync(IsolatedServers servers)
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Database | HostRole.Rules | HostRole.Ingest);
        var ingest = host.Get<ClinicalRecordsIngest>();
        foreach (var batch in new SyntheticPopulation(99, new DateOnly(2026, 11, 1), 10).Batches(600, 50))
            await ingest.IngestAsync(IngestBatch.Of("test", "json", batch), CancellationToken.None);
        await host.StopAsync();
    }

    private static async Task<ScreeningRunResult> ScreenAsync(IsolatedServers servers, DateOnly asOf, Func<Services, PopulationScreen> create)
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Database | HostRole.Rules);
        var result = await create(new Services(servers.DataSource, host.Get<ActiveRules>())).RunAsync(asOf, "test", CancellationToken.None);
        await host.StopAsync();
        return result;
    }

    private static async Task<List<string>> SnapshotAsync(IsolatedServers servers)
    {
        var rows = new List<string>();
        await using var cmd = servers.DataSource.CreateCommand("""
            SELECT * FROM (
                SELECT 'task ' || concat_ws('|', p.external_id, t.rule_id, t.status, t.priority, t.since, t.due_date, t.evidence_key,
                       (SELECT string_agg(e.kind, ',' ORDER BY e.id) FROM outreach_task_event e WHERE e.task_id = t.id)) AS row
                FROM outreach_task t JOIN patient p USING (patient_key)
                UNION ALL
                SELECT 'state ' || concat_ws('|', p.external_id, c.rule_id, c.status, c.reason, c.since, c.lowest_value, c.evidence_count,
                       c.evaluated_as_of, regexp_replace((c.finding - 'patientId')::text, '"(resultId|id)": "[0-9]+"', '"\1": "#"', 'g'))
                FROM patient_condition c JOIN patient p USING (patient_key)
            ) s ORDER BY row
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}

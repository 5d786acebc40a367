using Microsoft.Extensions.Hosting;
using Screening.App.Hosting;
using Screening.Contracts;
using Screening.Data.Ingest;
using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.IntegrationTests.Infrastructure;
using static Screening.IntegrationTests.Infrastructure.Facts;

namespace Screening.IntegrationTests.Spine;

public sealed class ScreenTests : IAsyncLifetime
{
    private IsolatedServers servers = null!;
    public async Task InitializeAsync() => servers = await IsolatedServers.CreateAsync();
    public Task DisposeAsync() => servers.DisposeAsync();

    private static readonly DateOnly AsOf = new(2025, 6, 30);
    private const HostRole IngestAndScreen = HostRole.Database | HostRole.Rules | HostRole.Ingest;

    private static Task Ingest(IHost host, PatientUpdated[] patients, params LabResultReported[] results) =>
        host.Get<ClinicalRecordsIngest>().IngestAsync(new IngestBatch("test", "json", patients, results, [], [], []), CancellationToken.None);

    private Task<long> OpenTasks(string patient, string rule = "persistent-anemia") => servers.DataSource.Count("""
        SELECT count(*) FROM outreach_task t JOIN patient p USING (patient_key)
        WHERE p.external_id = $1 AND t.rule_id = $2 AND t.status IN ('open','in-progress','snoozed')
        """, patient, rule);

    [IntegrationFact]
    public async Task Two_low_hemoglobins_200_days_apart_open_one_task_and_screening_the_same_date_again_changes_nothing()
    {
        using var host = TestApp.Build(servers, IngestAndScreen);
        await Ingest(host, [Woman("P-A1")], Hb("P-A1", "A1-1", 11.1m, "2024-09-01"), Hb("P-A1", "A1-2", 10.9m, "2025-03-20"));

        var first = await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);
        var second = await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);

        Assert.Equal(1, await OpenTasks("P-A1"));
        Assert.True(first.TasksOpened >= 1);
        Assert.True(second.ChangedNothing, $"second run changed: {second}");
        Assert.Equal(1, await servers.DataSource.Count("""
            SELECT count(*) FROM outreach_task_event e JOIN outreach_task t ON t.id = e.task_id JOIN patient p USING (patient_key)
            WHERE p.external_id = 'P-A1' AND e.kind = 'queued' AND t.rule_id = 'persistent-anemia'
            """));
        Assert.Equal(2, await servers.DataSource.Count("SELECT count(*) FROM screening_run WHERE as_of = $1 AND status = 'succeeded'", AsOf));
    }

    [IntegrationFact]
    public async Task A_normal_hemoglobin_after_persistent_lows_closes_the_task_as_resolved()
    {
        using var host = TestApp.Build(servers, IngestAndScreen);
        await Ingest(host, [Woman("P-B1")], Hb("P-B1", "B1-1", 11.0m, "2024-08-01"), Hb("P-B1", "B1-2", 11.2m, "2025-02-15"));
        await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);
        Assert.Equal(1, await OpenTasks("P-B1"));

        await Ingest(host, [], Hb("P-B1", "B1-3", 13.1m, "2025-07-02"));
        var later = await host.Get<PopulationScreen>().RunAsync(AsOf.AddDays(7), "test", CancellationToken.None);

        Assert.Equal(0, await OpenTasks("P-B1"));
        Assert.True(later.TasksClosed >= 1);
        Assert.Equal("resolved", await servers.DataSource.Scalar<string>("""
            SELECT t.close_reason FROM outreach_task t JOIN patient p USING (patient_key) WHERE p.external_id = 'P-B1' AND t.rule_id = 'persistent-anemia'
            """));
    }

    [IntegrationFact]
    public async Task A_retracted_result_that_was_the_evidence_closes_the_task_as_evidence_retracted()
    {
        using var host = TestApp.Build(servers, IngestAndScreen);
        await Ingest(host, [Woman("P-C1")], Hb("P-C1", "C1-1", 11.0m, "2024-08-01"), Hb("P-C1", "C1-2", 11.2m, "2025-02-15"));
        await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);

        await Ingest(host, [], Hb("P-C1", "C1-2", 11.2m, "2025-02-15", status: "entered-in-error"));
        await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);

        Assert.Equal(0, await OpenTasks("P-C1"));
        Assert.Equal("evidence-retracted", await servers.DataSource.Scalar<string>("""
            SELECT t.close_reason FROM outreach_task t JOIN patient p USING (patient_key) WHERE p.external_id = 'P-C1' AND t.rule_id = 'persistent-anemia'
            """));
        Assert.Equal(2, await servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'C1-2'"));
    }

    [IntegrationFact]
    public async Task A_patient_who_died_has_the_open_task_closed_with_reason_deceased()
    {
        using var host = TestApp.Build(servers, IngestAndScreen);
        await Ingest(host, [Woman("P-D1")], Hb("P-D1", "D1-1", 11.0m, "2024-08-01"), Hb("P-D1", "D1-2", 11.2m, "2025-02-15"));
        await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);

        await Ingest(host, [Woman("P-D1") with { DeceasedDate = new DateOnly(2025, 6, 1) }]);
        await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);

        Assert.Equal("deceased", await servers.DataSource.Scalar<string>("""
            SELECT t.close_reason FROM outreach_task t JOIN patient p USING (patient_key) WHERE p.external_id = 'P-D1' AND t.rule_id = 'persistent-anemia'
            """));
    }

    [IntegrationFact]
    public async Task Two_screens_started_at_once_run_once()
    {
        using var host = TestApp.Build(servers, IngestAndScreen);
        var patients = Enumerable.Range(0, 300).Select(i => Woman($"P-E{i}")).ToArray();
        await Ingest(host, patients, patients.SelectMany(p => new[]
        {
            Hb(p.PatientId, p.PatientId + "-1", 11.0m, "2024-08-01"), Hb(p.PatientId, p.PatientId + "-2", 11.2m, "2025-02-15"),
        }).ToArray());
        var screen = new PopulationScreen(servers.DataSource, host.Get<ActiveRules>(),
            Microsoft.Extensions.Logging.Abstractions.NullLogger<PopulationScreen>.Instance) { BatchSize = 10 };

        var runs = await Task.WhenAll(Enumerable.Range(0, 2).Select(_ => Task.Run(() => screen.RunAsync(AsOf, "test", CancellationToken.None))));

        Assert.Single(runs, r => r.AlreadyRunning);
        Assert.Single(runs, r => !r.AlreadyRunning);
        Assert.Equal(300, await servers.DataSource.Count("SELECT count(*) FROM outreach_task WHERE rule_id = 'persistent-anemia'"));
    }

    [IntegrationFact]
    public async Task A_finding_the_care_team_completed_stays_quiet_until_new_evidence_arrives()
    {
        using var host = TestApp.Build(servers, IngestAndScreen);
        await Ingest(host, [Woman("P-F1")], Hb("P-F1", "F1-1", 11.0m, "2024-08-01"), Hb("P-F1", "F1-2", 11.2m, "2025-02-15"));
        await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);
        var taskId = await servers.DataSource.Scalar<long>("SELECT id FROM outreach_task WHERE rule_id = 'persistent-anemia'");
        await using (var connection = await servers.DataSource.OpenConnectionAsync())
        await using (var tx = await connection.BeginTransactionAsync())
        {
            await Screening.Data.Outreach.TaskStore.CloseAsync(connection, tx, [(taskId, "completed:reached-patient")], "completed", "nurse", CancellationToken.None);
            await tx.CommitAsync();
        }

        var nextNight = await host.Get<PopulationScreen>().RunAsync(AsOf.AddDays(1), "test", CancellationToken.None);
        Assert.Equal(0, await OpenTasks("P-F1"));
        Assert.Equal(0, nextNight.TasksOpened);

        await Ingest(host, [], Hb("P-F1", "F1-3", 10.4m, "2025-07-05"));
        await host.Get<PopulationScreen>().RunAsync(AsOf.AddDays(7), "test", CancellationToken.None);
        Assert.Equal(1, await OpenTasks("P-F1"));
    }
}

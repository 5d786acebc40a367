using System.Text.Json;
using Screening.App.Hosting;
using Screening.Data.Ingest;
using Screening.Data.Outreach;
using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.IntegrationTests.Infrastructure;
using static Screening.IntegrationTests.Infrastructure.Facts;

namespace Screening.IntegrationTests.Spine;

public sealed class OutboxTests : IAsyncLifetime
{
    private IsolatedServers servers = null!;
    public async Task InitializeAsync() => servers = await IsolatedServers.CreateAsync();
    public Task DisposeAsync() => servers.DisposeAsync();

    [IntegrationFact]
    public async Task A_new_task_is_announced_after_commit_marked_published_and_resent_with_the_same_event_id_after_a_crash()
    {
        var queued = await RawAmqp.BindProbeQueueAsync(servers.AmqpUrl, "Screening.Contracts:OutreachTaskQueued");
        using var host = await TestApp.StartAsync(servers, HostRole.Screen | HostRole.Ingest);
        await host.Get<ClinicalRecordsIngest>().IngestAsync(new IngestBatch("test", "json", [Woman("P-O1")],
            [Hb("P-O1", "O1-1", 11.0m, "2024-08-01"), Hb("P-O1", "O1-2", 11.2m, "2025-02-15")], [], [], []), CancellationToken.None);
        await host.Get<PopulationScreen>().RunAsync(new DateOnly(2025, 6, 30), "test", CancellationToken.None);

        Assert.Equal(1, await host.Get<TaskEventDispatcher>().DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(0, await host.Get<TaskEventDispatcher>().DispatchPendingAsync(CancellationToken.None));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM outreach_task_event WHERE publish AND published_at IS NULL"));
        var first = await Eventually.Get(() => RawAmqp.DrainAsync(servers.AmqpUrl, queued), m => m.Count == 1, what: "one OutreachTaskQueued");

        await servers.DataSource.Count("UPDATE outreach_task_event SET published_at = NULL WHERE kind = 'queued'"); // the crash: sent, never marked
        Assert.Equal(1, await host.Get<TaskEventDispatcher>().DispatchPendingAsync(CancellationToken.None));
        var again = await Eventually.Get(() => RawAmqp.DrainAsync(servers.AmqpUrl, queued), m => m.Count == 1, what: "the re-sent event");

        Assert.Equal(EventId(first[0]), EventId(again[0]));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task A_severe_hemoglobin_opens_an_urgent_task_at_ingest_and_announces_CriticalResultDetected()
    {
        var critical = await RawAmqp.BindProbeQueueAsync(servers.AmqpUrl, "Screening.Contracts:CriticalResultDetected");
        using var host = await TestApp.StartAsync(servers, HostRole.Screen | HostRole.Ingest);
        await host.Get<ClinicalRecordsIngest>().IngestAsync(new IngestBatch("test", "json", [Woman("P-O2")],
            [Hb("P-O2", "O2-1", 7.2m, "2025-06-01")], [], [], []), CancellationToken.None);

        Assert.Equal("urgent", await servers.DataSource.Scalar<string>(
            "SELECT priority FROM outreach_task WHERE rule_id = 'critical-value' AND status = 'open'"));
        await host.Get<TaskEventDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var messages = await Eventually.Get(() => RawAmqp.DrainAsync(servers.AmqpUrl, critical), m => m.Count == 1, what: "CriticalResultDetected");
        var message = JsonDocument.Parse(messages[0]).RootElement.GetProperty("message");
        Assert.Equal(7.2m, decimal.Parse(message.GetProperty("value").ToString(), System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain("P-O2", messages[0]);
        await host.StopAsync();
    }

    private static long EventId(string envelope) =>
        JsonDocument.Parse(envelope).RootElement.GetProperty("message").GetProperty("eventId").GetInt64();
}

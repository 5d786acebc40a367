using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Screening.App.Feeds;
using Screening.App.Hosting;
using Screening.Data.Rejects;
using Screening.IntegrationTests.Infrastructure;
using Screening.Interop.Mapping;

namespace Screening.IntegrationTests.Feeds;

/// <summary>Rejects lose nothing: listed by reason, shown with an audit trail, replayed after a mapping fix.</summary>
public sealed class RejectReplayTests
{
    // nhapi's CBC with local codes; its OBX-11 "Z" (no such status) changed to F so only the codes are wrong.
    private static string LocalCodeCbc() => FeedSupport.Text("hl7v2", "nhapi", "ORU_R01_v231_CBC_localcodes_statusZ.hl7").Replace("|||Z", "|||F");

    [IntegrationFact]
    public async Task Replay_after_adding_a_local_code_mapping_turns_the_unmapped_code_reject_into_a_result_and_keeps_the_rest_rejected()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, LocalCodeCbc());
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE reason_code = 'unmapped-code'"), n => n == 10,
            what: "ten unmapped-code rejects");
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM lab_result"));
        var hgbReject = await servers.DataSource.Scalar<long>("SELECT id FROM rejected_message WHERE location = 'OBX[5]-3'");

        var replay = ActivatorUtilities.CreateInstance<RejectReplay>(host.Services);
        var summary = await replay.ReplayAsync(new RejectFilter(Reason: "unmapped-code"), LocalCodeMap.Empty.With("DHC", "HGB", "718-7"), "test", CancellationToken.None);

        Assert.Equal((1, 10, 1, 9, 1), (summary.Payloads, summary.Rows, summary.Replayed, summary.RejectedAgain, summary.Accepted));
        Assert.Equal(12.0m, await servers.DataSource.Scalar<decimal>(
            "SELECT canonical_value FROM lab_result WHERE source_system = 'DHC' AND result_id = 'W442|HGB|' AND loinc = '718-7' AND is_current"));
        Assert.Equal("replayed", await servers.DataSource.Scalar<string>("SELECT status FROM rejected_message WHERE id = $1", hgbReject));
        Assert.StartsWith("accepted 1", await servers.DataSource.Scalar<string>("SELECT replay_note FROM rejected_message WHERE id = $1", hgbReject));
        Assert.Equal(9, await servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE status = 'rejected-again'"));
        Assert.Equal(9, await servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE status = 'rejected' AND reason_code = 'unmapped-code'"));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE status = 'rejected' AND location = 'OBX[5]-3'"));

        var again = await replay.ReplayAsync(new RejectFilter(Reason: "unmapped-code"), LocalCodeMap.Empty.With("DHC", "HGB", "718-7"), "test", CancellationToken.None);
        Assert.Equal((9, 0, 9, 0, 1), (again.Rows, again.Replayed, again.RejectedAgain, again.Accepted, again.Duplicates));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM lab_result"));
        Assert.Equal(2, await servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action = 'rejects.replay'"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task Showing_a_reject_returns_its_payload_and_records_an_audit_event_and_listing_counts_per_reason_without_payloads()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, LocalCodeCbc());
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Fhir.Name, "{\"resourceType\": ");
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM rejected_message"), n => n == 11, what: "the rejects");

        var store = new RejectStore(servers.DataSource);
        var counts = await store.CountsAsync(new RejectFilter(), CancellationToken.None);
        Assert.Equal([("unmapped-code", 10L), ("unparseable", 1L)], counts);
        var rows = await store.ListAsync(new RejectFilter(Reason: "unparseable"), 50, CancellationToken.None);
        var row = Assert.Single(rows);
        Assert.Equal(("fhir", "screening.fhir"), (row.Format, row.Source));

        var shown = await store.ShowAsync(row.Id, "nurse.navigator", CancellationToken.None);
        Assert.Equal("{\"resourceType\": ", shown!.Payload);
        Assert.Equal(1, await servers.DataSource.Count(
            "SELECT count(*) FROM audit_event WHERE action = 'rejects.show' AND actor = 'nurse.navigator' AND entity_id = $1", row.Id.ToString()));
        await host.StopAsync();
    }
}

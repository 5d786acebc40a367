using System.Text.Json;
using MassTransit;
using Screening.App.Hosting;
using Screening.App.Messaging;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Spine;

public sealed class IngestTests(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    private const string RawResult = """
        {"sourceSystem":"lab-a","resultId":"R-100","patientId":"P-RAW-1","loinc":"718-7","value":11.1,"unit":"g/dL",
         "collectedAt":"2025-01-03T09:00:00-05:00","status":"final"}
        """;

    [IntegrationFact]
    public async Task A_raw_json_result_from_a_plain_AMQP_client_is_stored_and_the_patients_state_recomputed()
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        await RawAmqp.PublishAsync(servers.AmqpUrl, "screening.results", RawResult);

        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'R-100' AND is_current"), n => n == 1, what: "the raw result stored");
        Assert.Equal(11.1m, await servers.DataSource.Scalar<decimal>("SELECT canonical_value FROM lab_result WHERE result_id = 'R-100'"));
        Assert.Equal(3, await servers.DataSource.Count(
            "SELECT count(*) FROM patient_condition c JOIN patient p USING (patient_key) WHERE p.external_id = 'P-RAW-1'"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task The_same_message_delivered_twice_is_stored_once()
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        var duplicate = RawResult.Replace("R-100", "R-DUP").Replace("P-RAW-1", "P-RAW-2");
        var consumed = host.Get<IngestProgress>();
        await RawAmqp.PublishAsync(servers.AmqpUrl, "screening.results", duplicate);
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'R-DUP'"), n => n >= 1, what: "the first delivery stored");
        var afterFirst = await Eventually.Get(() => Task.FromResult(consumed.Total), n => n >= 1, what: "the first delivery consumed");

        // The duplicates arrive as separate messages after the first is committed (not folded into its batch).
        await RawAmqp.PublishAsync(servers.AmqpUrl, "screening.results", duplicate);
        await Eventually.Get(() => Task.FromResult(consumed.Total), n => n >= afterFirst + 1, what: "the raw duplicate consumed");
        await host.Get<IBus>().Publish(JsonSerializer.Deserialize<Contracts.LabResultReported>(duplicate, new JsonSerializerOptions(JsonSerializerDefaults.Web))!);
        await Eventually.Get(() => Task.FromResult(consumed.Total), n => n >= afterFirst + 2, what: "the typed duplicate consumed");

        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'R-DUP'"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task A_result_in_an_impossible_unit_is_rejected_with_reason_and_payload_and_the_consumer_keeps_going()
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        await RawAmqp.PublishAsync(servers.AmqpUrl, "screening.results", RawResult.Replace("R-100", "R-BADUNIT").Replace("g/dL", "g/mL"));
        await RawAmqp.PublishAsync(servers.AmqpUrl, "screening.results", RawResult.Replace("R-100", "R-AFTER").Replace("P-RAW-1", "P-RAW-3"));

        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'R-AFTER'"), n => n == 1, what: "the next result");
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE reason_code = 'unknown-unit' AND payload LIKE '%R-BADUNIT%'"));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'R-BADUNIT'"));
        await host.StopAsync();
    }
}

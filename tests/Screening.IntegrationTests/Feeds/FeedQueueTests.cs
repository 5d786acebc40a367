using Microsoft.Extensions.Hosting;
using Screening.App.Feeds;
using Screening.App.Hosting;
using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Feeds;

/// <summary>HL7 v2 and FHIR bodies published raw to their queues, as an interface engine does, end to end into PostgreSQL.</summary>
public sealed class FeedQueueTests
{
    private const string HbIdentity = "82503246|20509-6|";

    [IntegrationFact]
    public async Task An_HL7_ORU_published_raw_to_screening_hl7v2_is_stored_and_its_pending_version_is_replaced_by_the_final_one()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);

        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, FeedSupport.Text("hl7v2", "microsoft-fhir-converter", "LAB-ORU-1.hl7"));
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = $1 AND is_current", HbIdentity),
            n => n == 1, what: "the pending hemoglobin stored");
        Assert.Equal("registered", await servers.DataSource.Scalar<string>("SELECT status FROM lab_result WHERE result_id = $1 AND is_current", HbIdentity));

        // The fixture's final panel spells g/dL as "g/l-1", which is no UCUM unit (it is rejected as unknown-unit); the lab's fix:
        var final = FeedSupport.Text("hl7v2", "microsoft-fhir-converter", "LAB-ORU-2.hl7").Replace("13.4|g/l-1", "13.4|g/dL");
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, final, "application/hl7-v2");
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = $1", HbIdentity), n => n == 2, what: "the final version");

        Assert.Equal(("final", 13.4m, "SomeSystem"), (
            await servers.DataSource.Scalar<string>("SELECT status FROM lab_result WHERE result_id = $1 AND is_current", HbIdentity),
            await servers.DataSource.Scalar<decimal>("SELECT canonical_value FROM lab_result WHERE result_id = $1 AND is_current", HbIdentity),
            await servers.DataSource.Scalar<string>("SELECT source_system FROM lab_result WHERE result_id = $1 AND is_current", HbIdentity)));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = $1 AND is_current", HbIdentity));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM rejected_message"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task A_FHIR_Bundle_published_to_screening_fhir_stores_hemoglobin_calcium_and_albumin_in_canonical_units()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);

        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Fhir.Name, FeedSupport.Text("fhir-r4", "Bundle-ghp.json"), "application/fhir+json");

        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE is_current"), n => n == 3, what: "three target results");
        Task<decimal> Canonical(string loinc) => servers.DataSource.Scalar<decimal>("SELECT canonical_value FROM lab_result WHERE loinc = $1", loinc);
        Task<string?> Unit(string loinc) => servers.DataSource.Scalar<string>("SELECT canonical_unit FROM lab_result WHERE loinc = $1", loinc);
        Assert.Equal((17.6m, "g/dL"), (await Canonical("718-7"), await Unit("718-7")));          // 176 g/L
        Assert.Equal((4.2m, "g/dL"), (await Canonical("1751-7"), await Unit("1751-7")));         // 42 g/L
        Assert.InRange(await Canonical("2000-8"), 9.53m, 9.55m);                                  // 2.38 mmol/L
        Assert.Equal("mg/dL", await Unit("2000-8"));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM patient WHERE external_id = 'pat2'"));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM rejected_message"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task Garbage_bytes_on_screening_hl7v2_become_one_unparseable_reject_keeping_the_payload_and_the_next_good_message_is_still_processed()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        byte[] garbage = [0x00, 0xFF, 0xFE, 0x0B, (byte)'M', (byte)'S', (byte)'H', 0x1C, 0x0D, 0xC3, 0x28, 0x00, 0x7F];

        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, garbage);
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, "this is not an HL7 message\r");
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, FeedSupport.Text("hl7v2", "microsoft-fhir-converter", "LAB-ORU-1.hl7"));

        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = $1", HbIdentity), n => n == 1, what: "the good message");
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM rejected_message"), n => n == 2, what: "both garbage messages rejected");
        Assert.Equal(1, await servers.DataSource.Count(
            "SELECT count(*) FROM rejected_message WHERE reason_code = 'unparseable' AND format = 'hl7v2' AND source = 'screening.hl7v2' AND payload = $1",
            "base64:" + Convert.ToBase64String(garbage)));
        Assert.Equal(1, await servers.DataSource.Count(
            "SELECT count(*) FROM rejected_message WHERE reason_code = 'unparseable' AND payload LIKE 'this is not an HL7 message%'"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task A_correction_replaces_and_entered_in_error_retracts_end_to_end_through_the_queue_closing_the_task_built_on_retracted_evidence()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        var asOf = new DateOnly(2025, 6, 30);

        await Publish(FeedSupport.HemoglobinOru("C-1", "P-HL7-1", "F-1", 11.0m, "2024-08-01"), "F-1", 1);
        await Publish(FeedSupport.HemoglobinOru("C-2", "P-HL7-1", "F-2", 11.2m, "2025-02-15"), "F-2", 1);
        await host.Get<PopulationScreen>().RunAsync(asOf, "test", CancellationToken.None);
        Assert.Equal(1, await OpenTasks());

        await Publish(FeedSupport.HemoglobinOru("C-3", "P-HL7-1", "F-2", 11.3m, "2025-02-15", status: "C"), "F-2", 2);
        Assert.Equal(("corrected", 11.3m), (await servers.DataSource.Scalar<string>("SELECT status FROM lab_result WHERE result_id = 'F-2|718-7|' AND is_current"),
            await servers.DataSource.Scalar<decimal>("SELECT canonical_value FROM lab_result WHERE result_id = 'F-2|718-7|' AND is_current")));
        await host.Get<PopulationScreen>().RunAsync(asOf, "test", CancellationToken.None);
        Assert.Equal(1, await OpenTasks());

        await Publish(FeedSupport.HemoglobinOru("C-4", "P-HL7-1", "F-2", 11.3m, "2025-02-15", status: "W"), "F-2", 3);
        await host.Get<PopulationScreen>().RunAsync(asOf, "test", CancellationToken.None);

        Assert.Equal(0, await OpenTasks());
        Assert.Equal("evidence-retracted", await servers.DataSource.Scalar<string>("""
            SELECT t.close_reason FROM outreach_task t JOIN patient p USING (patient_key) WHERE p.external_id = 'P-HL7-1' AND t.rule_id = 'persistent-anemia'
            """));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'F-1|718-7|'"));
        await host.StopAsync();

        async Task Publish(string oru, string filler, int versions)
        {
            await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, oru);
            await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = $1", $"{filler}|718-7|"),
                n => n == versions, what: $"version {versions} of {filler}");
        }

        Task<long> OpenTasks() => servers.DataSource.Count("""
            SELECT count(*) FROM outreach_task t JOIN patient p USING (patient_key)
            WHERE p.external_id = 'P-HL7-1' AND t.rule_id = 'persistent-anemia' AND t.status IN ('open','in-progress','snoozed')
            """);
    }

    [IntegrationFact]
    public async Task A_message_that_cannot_be_stored_while_the_database_is_broken_is_retried_and_stored_once_it_works_again()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        await Exec("ALTER TABLE lab_result RENAME TO lab_result_away");
        var rollbacksBefore = await Rollbacks();

        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, FeedSupport.HemoglobinOru("T-1", "P-T-1", "T-1", 11.0m, "2025-01-10"));
        await Eventually.Get(Rollbacks, n => n > rollbacksBefore, TimeSpan.FromSeconds(60), "at least one failed attempt to store it");
        await Exec("ALTER TABLE lab_result_away RENAME TO lab_result");

        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'T-1|718-7|'"), n => n == 1,
            TimeSpan.FromSeconds(60), "the message stored after the outage");
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM rejected_message"));
        await host.StopAsync();

        async Task Exec(string sql)
        {
            await using var cmd = servers.DataSource.CreateCommand(sql);
            await cmd.ExecuteNonQueryAsync();
        }

        // Transactions rolled back in this test's own database: the store attempt fails while the table is away.
        Task<long> Rollbacks() => servers.DataSource.Count("SELECT xact_rollback FROM pg_stat_database WHERE datname = current_database()");
    }
}

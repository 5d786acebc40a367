using Screening.App.Feeds;
using Screening.App.Hosting;
using Screening.IntegrationTests.Feeds;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Identity;

/// <summary>Patients known by (issuing system, identifier), through the real queues into PostgreSQL.</summary>
public sealed class PatientIdentityTests
{
    private static string Oru(string controlId, string pid3, string filler, decimal value, string facility = "LABCO") => string.Join('\r',
        $"MSH|^~\\&|LIS|{facility}|SCREENING|HOSP|202611011200||ORU^R01|{controlId}|P|2.5.1",
        $"PID|1||{pid3}||DOE^JANE||19800301|F",
        $"OBR|1|PL-{filler}|{filler}|58410-2^CBC panel^LN|||202611010900",
        $"OBX|1|NM|718-7^Hemoglobin [Mass/volume] in Blood^LN||{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}|g/dL|12.0-16.0|L|||F|||202611010900-0500") + "\r";

    private const string Adt = "MSH|^~\\&|ADT|HOSP|SCREENING|HOSP|202611021200||ADT^A08|ADT-1|P|2.5.1\r" +
        "PID|1||14^^^HOSP^MR~900-14^^^LABCO^PI||Rivera^Maria^Luz||19580412|F|||12 Oak St^^Springfield^IL^62701||^PRN^PH^^^217^5550142|||||||||||||||||\r" +
        "PD1||||1902812345^Okafor^Grace\r" +
        "PV1|1|O|north-primary-care\r";

    [IntegrationFact]
    public async Task An_ORU_from_LABCO_and_one_from_HOSP_with_the_same_number_create_two_patients()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, Screening.App.Hosting.HostRole.Demo);

        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, Oru("L-1", "14^^^LABCO^MR", "F-L1", 11.2m));
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, Oru("H-1", "14^^^HOSP^MR", "F-H1", 13.9m, facility: "HOSP"));
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE is_current"), n => n == 2, what: "both results");

        Assert.Equal(2, await servers.DataSource.Count("SELECT count(*) FROM patient"));
        Assert.Equal(2, await servers.DataSource.Count("SELECT count(DISTINCT patient_key) FROM lab_result"));
        Assert.Equal(11.2m, await servers.DataSource.Scalar<decimal>("""
            SELECT r.value FROM lab_result r JOIN patient_identifier i USING (patient_key) WHERE i.system = 'LABCO' AND i.value = '14'
            """));
        Assert.Equal(13.9m, await servers.DataSource.Scalar<decimal>("""
            SELECT r.value FROM lab_result r JOIN patient_identifier i USING (patient_key) WHERE i.system = 'HOSP' AND i.value = '14'
            """));
        Assert.Equal("MR", await servers.DataSource.Scalar<string>("SELECT type FROM patient_identifier WHERE system = 'HOSP' AND value = '14'"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task An_ADT_with_two_identifiers_links_them_to_one_patient_and_stores_demographics_in_their_own_table()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, Screening.App.Hosting.HostRole.Demo);

        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, Oru("H-1", "14^^^HOSP^MR", "F-H1", 13.9m, facility: "HOSP"));
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result"), n => n == 1, what: "the HOSP result");
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, Adt);
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM patient_demographics WHERE pcp_id IS NOT NULL"), n => n == 1,
            what: "the ADT's demographics");

        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM patient"));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(DISTINCT patient_key) FROM patient_identifier WHERE (system, value) IN (('HOSP','14'), ('LABCO','900-14'))"));
        Assert.Equal("Rivera|Maria Luz|(217) 5550142|1902812345|Okafor, Grace|north-primary-care", await servers.DataSource.Scalar<string>("""
            SELECT concat_ws('|', family_name, array_to_string(given_names, ' '), phones[1], pcp_id, pcp_name, location) FROM patient_demographics
            """));
        Assert.Equal("female|1958-04-12", await servers.DataSource.Scalar<string>("SELECT sex || '|' || birth_date FROM patient"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task A_message_whose_identifiers_belong_to_two_patients_is_rejected_as_an_identity_conflict_and_nothing_is_merged()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, Screening.App.Hosting.HostRole.Demo);
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, Oru("L-1", "900-14^^^LABCO^PI", "F-L1", 11.2m));
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, Oru("H-1", "14^^^HOSP^MR", "F-H1", 13.9m, facility: "HOSP"));
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result"), n => n == 2, what: "both results");

        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, Adt);
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE reason_code = 'identity-conflict'"), n => n == 1,
            what: "the identity conflict");

        Assert.Equal(2, await servers.DataSource.Count("SELECT count(*) FROM patient"));
        Assert.Equal(2, await servers.DataSource.Count("SELECT count(DISTINCT patient_key) FROM patient_identifier"));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM patient_demographics WHERE family_name = 'Rivera'"));
        var payload = await servers.DataSource.Scalar<string>("SELECT payload FROM rejected_message WHERE reason_code = 'identity-conflict'");
        Assert.Contains("\"type\":\"patient\"", payload);
        await host.StopAsync();
    }
}

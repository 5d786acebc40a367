using Screening.App.Feeds;
using Screening.App.Hosting;
using Screening.Data.Patients;
using Screening.Data.Screening;
using Screening.IntegrationTests.Feeds;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Identity;

/// <summary>ADT^A40 merges through the real queue; merges are audited, never duplicate tasks, refuse bad targets and can be undone.</summary>
public sealed class PatientMergeTests
{
    private static string Oru(string controlId, string pid3, string filler, decimal value, string day) => string.Join('\r',
        $"MSH|^~\\&|LIS|HOSP|SCREENING|HOSP|{day}1200||ORU^R01|{controlId}|P|2.5.1",
        $"PID|1||{pid3}||DOE^JANE||19800301|F",
        $"OBR|1|PL-{filler}|{filler}|58410-2^CBC panel^LN|||{day}0900",
        $"OBX|1|NM|718-7^Hemoglobin [Mass/volume] in Blood^LN||{value.ToString(System.Globalization.CultureInfo.InvariantCulture)}|g/dL|12.0-16.0|L|||F|||{day}0900-0500") + "\r";

    private const string A40 = "MSH|^~\\&|ADT|HOSP|SCREENING|HOSP|202611031200||ADT^A40|A40-1|P|2.5.1\r" +
        "PID|1||2001^^^HOSP^MR||Doe^Jane||19800301|F\r" +
        "MRG|1001^^^HOSP^MR\r";

    [IntegrationFact]
    public async Task An_ADT_A40_merges_the_prior_record_into_the_survivor_once_and_the_merge_can_be_undone()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, Oru("O-1", "1001^^^HOSP^MR", "F-1", 10.1m, "20250101"));
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, Oru("O-2", "2001^^^HOSP^MR", "F-2", 10.3m, "20250901"));
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result"), n => n == 2, what: "both results");
        var retired = await servers.DataSource.Scalar<long>("SELECT patient_key FROM patient_identifier WHERE value = '1001'");
        var survivor = await servers.DataSource.Scalar<long>("SELECT patient_key FROM patient_identifier WHERE value = '2001'");

        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, A40);
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, A40); // a redelivery changes nothing
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM patient WHERE merged_into IS NOT NULL"), n => n == 1, what: "the merge");
        await FeedSupport.PublishAsync(servers.AmqpUrl, FeedQueues.Hl7v2.Name, Oru("O-3", "1001^^^HOSP^MR", "F-3", 10.0m, "20251001"));
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result"), n => n == 3, what: "a result for the retired id");

        Assert.Equal(3, await servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE patient_key = $1", survivor));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM patient_merge WHERE unmerged_at IS NULL"));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action = 'patients.merge'"));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM rejected_message"));

        var merge = new PatientMerge(host.Get<ActiveRules>(), host.Get<ScreeningClock>());
        var itself = await Assert.ThrowsAsync<PatientMergeException>(() => merge.MergeAsync(servers.DataSource, survivor, survivor, "test", "test", default));
        Assert.Equal("merge-into-itself", itself.Reason);
        var intoMerged = await Assert.ThrowsAsync<PatientMergeException>(() => merge.MergeAsync(servers.DataSource, survivor, retired, "test", "test", default));
        Assert.Equal("survivor-merged", intoMerged.Reason);

        await merge.UnmergeAsync(servers.DataSource, retired, "test", default);
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE patient_key = $1", retired));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM patient WHERE merged_into IS NOT NULL"));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action = 'patients.unmerge'"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task Merging_moves_open_tasks_and_never_leaves_two_open_tasks_of_one_rule()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Database | HostRole.Rules | HostRole.Ingest);
        long a = await NewPatientWithTaskAsync(servers, "A"), b = await NewPatientWithTaskAsync(servers, "B");

        var merge = new PatientMerge(host.Get<ActiveRules>(), host.Get<ScreeningClock>());
        await merge.MergeAsync(servers.DataSource, a, b, "test", "test", default);

        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM outreach_task WHERE status = 'open'"));
        Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM outreach_task WHERE status = 'closed' AND close_reason = 'merged' AND patient_key = $1", a));
        await merge.UnmergeAsync(servers.DataSource, a, "test", default);
        Assert.Equal(2, await servers.DataSource.Count("SELECT count(*) FROM outreach_task WHERE status = 'open'"));
        await host.StopAsync();
    }

    private static async Task<long> NewPatientWithTaskAsync(IsolatedServers servers, string id)
    {
        var key = await servers.DataSource.Scalar<long>("INSERT INTO patient (external_id) VALUES ($1) RETURNING patient_key", id);
        await servers.DataSource.Count("""
            WITH t AS (INSERT INTO outreach_task (patient_key, rule_id, status, priority, care_team, summary, finding, evidence_key, rule_version)
                       VALUES ($1, 'persistent-anemia', 'open', 'normal', 'north', 'test', '{}', 'e', 'v') RETURNING id)
            SELECT count(*) FROM t
            """, key);
        return key;
    }
}

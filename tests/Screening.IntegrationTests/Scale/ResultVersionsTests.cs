using Screening.App.Hosting;
using Screening.Contracts;
using Screening.Data.Ingest;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Scale;

/// <summary>
/// The single-pass result writer keeps the versioning rules: new content is a new version, the newest new version of
/// an identity is current, a repeat of any known content (current or historical) changes nothing, and version numbers
/// count every stored version — also when one batch carries several versions of the same result.
/// </summary>
public sealed class ResultVersionsTests(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    [IntegrationFact]
    public async Task Versions_within_and_across_batches_follow_arrival_order()
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Database | HostRole.Rules | HostRole.Ingest);
        var ingest = host.Get<ClinicalRecordsIngest>();
        Task<IngestSummary> Ingest(params LabResultReported[] results) =>
            ingest.IngestAsync(new IngestBatch("test", "json", [Facts.Woman("P-VER")], results, [], [], []), CancellationToken.None);
        var a = Facts.Hb("P-VER", "R-V", 12.0m, "2025-01-01");
        var b = a with { Value = 12.5m };
        var c = a with { Value = 13.0m };
        var other = Facts.Hb("P-VER", "R-OTHER", 12.2m, "2025-01-02");

        var first = await Ingest(a, b, a, other);       // two versions of R-V in one batch, one in-batch repeat
        Assert.Equal(3, first.Accepted);
        Assert.Equal("12.5|2|t 12.0|1|f", await Versions("R-V"));

        var second = await Ingest(a, b, other);         // all known content: nothing changes
        Assert.Equal(0, second.Accepted);
        Assert.Equal("12.5|2|t 12.0|1|f", await Versions("R-V"));

        var third = await Ingest(a, c);                 // a historical repeat plus new content: the new one wins
        Assert.Equal(1, third.Accepted);
        Assert.Equal("13.0|3|t 12.5|2|f 12.0|1|f", await Versions("R-V"));

        var fourth = await Ingest(b);                   // going back to older content is a known repeat: ignored
        Assert.Equal(0, fourth.Accepted);
        Assert.Equal("13.0|3|t 12.5|2|f 12.0|1|f", await Versions("R-V"));
        Assert.Equal("12.2|1|t", await Versions("R-OTHER"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task Two_spellings_of_one_diagnosis_in_a_batch_are_stored_once()
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Database | HostRole.Rules | HostRole.Ingest);
        ConditionReported Ckd(string code, string system) =>
            new() { SourceSystem = "ehr", PatientId = "P-DX", Code = code, System = system, Onset = new DateOnly(2024, 3, 1) };
        await host.Get<ClinicalRecordsIngest>().IngestAsync(new IngestBatch("test", "json", [Facts.Woman("P-DX")], [],
            [Ckd("N18.4", "icd10"), Ckd(" n18.4 ", "ICD10")], [], []), CancellationToken.None);

        Assert.Equal(1, await servers.DataSource.Count(
            "SELECT count(*) FROM diagnosis d JOIN patient p USING (patient_key) WHERE p.external_id = 'P-DX' AND d.code = 'N18.4'"));
        await host.StopAsync();
    }

    private async Task<string?> Versions(string resultId) => await servers.DataSource.Scalar<string>("""
        SELECT string_agg(concat_ws('|', value, version, CASE WHEN is_current THEN 't' ELSE 'f' END), ' ' ORDER BY version DESC)
        FROM lab_result WHERE result_id = $1
        """, resultId);
}

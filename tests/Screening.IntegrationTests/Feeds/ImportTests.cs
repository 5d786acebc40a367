using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Screening.App.Feeds;
using Screening.App.Hosting;
using Screening.Data.Rejects;
using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.IntegrationTests.Infrastructure;
using Screening.Interop.FileMode;
using Screening.Interop.Mapping;

namespace Screening.IntegrationTests.Feeds;

/// <summary><c>screening import</c>: files through RabbitMQ in batches, replies per batch, identity-based re-runs.</summary>
public sealed class ImportTests
{
    private static readonly DateOnly AsOf = new(2022, 6, 30); // four overdue-DXA findings in this export

    [IntegrationFact]
    public async Task Importing_the_Synthea_export_through_RabbitMQ_then_screening_the_database_finds_what_the_file_mode_screen_finds_and_a_second_import_adds_nothing()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        var export = FeedSupport.Fixture("synthea", "dverma11-pophealth");
        var importer = ActivatorUtilities.CreateInstance<FeedImporter>(host.Services);

        var first = await importer.RunAsync(new ImportRequest(export, null, 500), LocalCodeMap.Empty, null, CancellationToken.None);

        Assert.True(first.Complete, $"unconfirmed {first.Unconfirmed}, failed {first.Failed}: {first.FirstError}");
        Assert.True(first.Accepted > 0);
        Assert.Equal(first.Batches, first.Confirmed);
        var results = await servers.DataSource.Count("SELECT count(*) FROM lab_result");
        Assert.Equal(first.Accepted, results);

        await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);
        var fromDatabase = await DatabaseFindings(servers);
        var fromFiles = FileFindings(export, host.Get<ActiveRules>());
        Assert.NotEmpty(fromFiles);
        Assert.Equal(fromFiles, fromDatabase);

        var second = await importer.RunAsync(new ImportRequest(export, null, 500), LocalCodeMap.Empty, null, CancellationToken.None);
        Assert.True(second.Complete);
        Assert.Equal((0L, first.Accepted), (second.Accepted, second.Duplicates));
        Assert.Equal(results, await servers.DataSource.Count("SELECT count(*) FROM lab_result"));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task Rejects_found_while_reading_an_imported_file_are_stored_with_their_format_and_header_so_they_can_be_replayed()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        var file = Path.Combine(Path.GetTempPath(), $"import-{Guid.NewGuid():N}.csv");
        await File.WriteAllLinesAsync(file, [
            "patient_id,result_id,loinc,value,unit,collected_at,status",
            "P-CSV-1,CSV-1,718-7,11.0,g/dL,2024-08-01T09:00:00-05:00,final",
            "P-CSV-1,CSV-2,718-7,11.2,g/dL,2025-02-15T09:00:00-05:00,finalised",
            "P-CSV-2,CSV-3,2345-7,95,mg/dL,2025-02-15T09:00:00-05:00,final",
        ]);
        try
        {
            var importer = ActivatorUtilities.CreateInstance<FeedImporter>(host.Services);
            var summary = await importer.RunAsync(new ImportRequest(file, null, 500), LocalCodeMap.Empty, null, CancellationToken.None);

            Assert.Equal((1L, 1L, 1L), (summary.Accepted, summary.Ignored, summary.RejectedByReason.GetValueOrDefault("invalid-status")));
            var payload = await servers.DataSource.Scalar<string>("SELECT payload FROM rejected_message WHERE reason_code = 'invalid-status' AND format = 'csv'");
            Assert.Equal("patient_id,result_id,loinc,value,unit,collected_at,status\nP-CSV-1,CSV-2,718-7,11.2,g/dL,2025-02-15T09:00:00-05:00,finalised", payload);

            var replay = await ActivatorUtilities.CreateInstance<RejectReplay>(host.Services)
                .ReplayAsync(new RejectFilter(Reason: "invalid-status"), LocalCodeMap.Empty, "test", CancellationToken.None);
            Assert.Equal((1, 1), (replay.RejectedAgain, replay.StillRejectedByReason.GetValueOrDefault("invalid-status")));
        }
        finally
        {
            File.Delete(file);
        }
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task A_bad_Synthea_row_and_a_result_failing_validation_are_stored_so_that_replay_reads_them_with_the_right_reader()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        var export = Directory.CreateTempSubdirectory("synthea-import-");
        await File.WriteAllTextAsync(Path.Combine(export.FullName, "patients.csv"), "Id,BIRTHDATE,GENDER\nSP-1,1950-01-01,F\n");
        await File.WriteAllTextAsync(Path.Combine(export.FullName, "observations.csv"), string.Join('\n',
            "DATE,PATIENT,ENCOUNTER,CODE,DESCRIPTION,VALUE,UNITS,TYPE",
            "2025-01-10T09:00:00Z,SP-1,,718-7,Hemoglobin,11.0,g/dL,numeric",
            "2025-13-45,SP-1,,718-7,Hemoglobin,10.5,g/dL,numeric",
            "2025-02-10T09:00:00Z,SP-1,,718-7,Hemoglobin,10.9,g/mL,numeric") + "\n");
        try
        {
            var summary = await ActivatorUtilities.CreateInstance<FeedImporter>(host.Services)
                .RunAsync(new ImportRequest(export.FullName, null, 500), LocalCodeMap.Empty, null, CancellationToken.None);
            Assert.Equal((1L, 1L, 1L), (summary.Accepted, summary.RejectedByReason.GetValueOrDefault("missing-collection-time"),
                summary.RejectedByReason.GetValueOrDefault("unknown-unit")));
            Assert.Equal("observations.csv: line 3: DATE", await servers.DataSource.Scalar<string>(
                "SELECT location FROM rejected_message WHERE reason_code = 'missing-collection-time' AND format = 'synthea'"));
            Assert.Equal(1, await servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE reason_code = 'unknown-unit' AND format = 'json'"));

            var replay = ActivatorUtilities.CreateInstance<RejectReplay>(host.Services);
            var row = await replay.ReplayAsync(new RejectFilter(Reason: "missing-collection-time"), LocalCodeMap.Empty, "test", CancellationToken.None);
            var unit = await replay.ReplayAsync(new RejectFilter(Reason: "unknown-unit"), LocalCodeMap.Empty, "test", CancellationToken.None);

            // Read again by the Synthea and JSON readers, each still fails for its own reason (not "unparseable").
            Assert.Equal((1, 1), (row.RejectedAgain, row.StillRejectedByReason.GetValueOrDefault("missing-collection-time")));
            Assert.Equal((1, 1), (unit.RejectedAgain, unit.StillRejectedByReason.GetValueOrDefault("unknown-unit")));
            Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE reason_code = 'unparseable'"));
        }
        finally
        {
            export.Delete(recursive: true);
        }
        await host.StopAsync();
    }

    private static SortedSet<string> FileFindings(string export, ActiveRules rules)
    {
        using var findings = new StringWriter();
        FileScreening.Run(new FileScreenRequest(export, null, AsOf, DateTimeOffset.UtcNow), rules.Rules, findings, TextWriter.Null);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var line in findings.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            using var json = JsonDocument.Parse(line);
            var root = json.RootElement;
            set.Add(Key(root.GetProperty("patientId").GetString()!, root.GetProperty("rule").GetString()!,
                root.GetProperty("since").ValueKind == JsonValueKind.Null ? null : root.GetProperty("since").GetString(), root.GetProperty("lowest")));
        }
        return set;
    }

    private static async Task<SortedSet<string>> DatabaseFindings(IsolatedServers servers)
    {
        await using var cmd = servers.DataSource.CreateCommand("""
            SELECT p.external_id, t.rule_id, t.since, t.finding::text FROM outreach_task t JOIN patient p USING (patient_key)
            WHERE t.status IN ('open', 'in-progress', 'snoozed') AND t.rule_id <> 'critical-value'
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        var set = new SortedSet<string>(StringComparer.Ordinal);
        while (await reader.ReadAsync())
        {
            using var finding = JsonDocument.Parse(reader.GetString(3));
            var since = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            set.Add(Key(reader.GetString(0), reader.GetString(1), since,
                finding.RootElement.TryGetProperty("lowest", out var lowest) ? lowest : default));
        }
        return set;
    }

    private static string Key(string patient, string rule, string? since, JsonElement lowest) =>
        $"{patient}|{rule}|{since}|" + (lowest.ValueKind == JsonValueKind.Object
            ? $"{lowest.GetProperty("value").GetDecimal().ToString(CultureInfo.InvariantCulture)} {lowest.GetProperty("unit").GetString()} {lowest.GetProperty("at").GetString()}"
            : "-");
}

/// <summary>The import and the worker as separate processes (separate hosts and buses on one broker).</summary>
public sealed class ImportWithSeparateWorkerTests
{
    [IntegrationFact]
    public async Task An_import_that_only_publishes_gets_every_batch_confirmed_by_a_separate_worker()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var worker = await TestApp.StartAsync(servers, HostRole.Demo);
        using var publisher = await TestApp.StartAsync(servers, HostRole.Publisher);
        Assert.Equal(1u, await BrokerProbe.ConsumersAsync(servers.AmqpUrl, "screening.records", CancellationToken.None));

        var importer = ActivatorUtilities.CreateInstance<FeedImporter>(publisher.Services);
        var summary = await importer.RunAsync(new ImportRequest(FeedSupport.Fixture("fhir-r4", "Bundle-ghp.json"), null, 10),
            LocalCodeMap.Empty, null, CancellationToken.None);

        Assert.True(summary.Complete);
        Assert.True(summary.Batches > 1);
        Assert.Equal((3L, summary.Batches), (summary.Accepted, summary.Confirmed));
        Assert.Equal(3, await servers.DataSource.Count("SELECT count(*) FROM lab_result"));
        await publisher.StopAsync();
        await worker.StopAsync();
    }
}

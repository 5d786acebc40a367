using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Hosting;
using Npgsql;
using Screening.App.Hosting;
using Screening.Contracts;
using Screening.Data.Ingest;
using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.Data.WhatIf;
using Screening.Domain.Rules;
using Screening.Domain.WhatIf;
using Screening.IntegrationTests.Infrastructure;
using static Screening.IntegrationTests.Infrastructure.Facts;

namespace Screening.IntegrationTests.Spine;

public sealed class WhatIfTests : IAsyncLifetime
{
    private IsolatedServers servers = null!;
    public async Task InitializeAsync() => servers = await IsolatedServers.CreateAsync();
    public Task DisposeAsync() => servers.DisposeAsync();

    private static readonly DateOnly AsOf = new(2025, 6, 30);

    [IntegrationFact]
    public async Task A_what_if_reports_what_a_candidate_rule_file_would_change_and_leaves_the_database_byte_for_byte_unchanged()
    {
        using var host = TestApp.Build(servers, HostRole.Database | HostRole.Rules | HostRole.Ingest);
        await host.Get<ClinicalRecordsIngest>().IngestAsync(new IngestBatch("test", "json",
            [Woman("P-W1"), Woman("P-W2"), Woman("P-W3", bornYear: 1970)],
            [
                Hb("P-W1", "W1-1", 11.1m, "2024-09-01"), Hb("P-W1", "W1-2", 10.9m, "2025-03-20"),   // anemia under both rule files
                Hb("P-W2", "W2-1", 12.5m, "2024-09-01"), Hb("P-W2", "W2-2", 12.4m, "2025-03-20"),   // low only if women < 13.0
            ],
            [new ConditionReported { SourceSystem = "ehr", PatientId = "P-W3", Code = "64859006", System = "snomed", Onset = new DateOnly(2024, 1, 5) }],
            [], []), CancellationToken.None);
        await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);  // tasks, runs and state exist
        var before = await Snapshot();

        var candidate = Candidate(json =>
        {
            json["version"] = "what-if-1";
            json["anemia"]!["thresholds"]!["female"]!["lt"] = 13.0;
            json["dxa"]!["riskFlags"]!["conditionCodes"] = new JsonObject { ["valueSets"] = new JsonArray("rheumatoid-arthritis", "primary-hyperparathyroidism") };
            json["valueSets"]!.AsObject().Remove("osteoporosis");  // an unused value set is a rule-file problem
        });
        var report = await new WhatIfScreen(host.Get<NpgsqlDataSource>(), host.Get<ActiveRules>()).RunAsync(candidate, AsOf, CancellationToken.None);

        Assert.Equal(before, await Snapshot());
        Assert.Equal(3, report.Tally.Patients);
        var anemia = report.Tally.Rows().Single(r => r.Rule == "persistent-anemia");
        Assert.Equal((1, 2, 1, 0), (anemia.MetNow, anemia.MetCandidate, anemia.Open, anemia.Close));
        var dxa = report.Tally.Rows().Single(r => r.Rule == "overdue-dxa");
        Assert.Equal(1, dxa.Close);   // the SNOMED-coded osteoporosis no longer a risk flag
        var keys = await KeysOf("P-W2", "P-W3");
        Assert.Contains(report.Changes, c => c.PatientId == keys[0] && c.Rule == "persistent-anemia" && c.Change == FindingChange.Open);
        Assert.Contains(report.Changes, c => c.PatientId == keys[1] && c.Rule == "overdue-dxa" && c.Change == FindingChange.Close);
        Assert.DoesNotContain(report.Changes, c => c.PatientId == "P-W2" || c.PatientId == "P-W3");  // internal keys, never MRNs
    }

    [IntegrationFact]
    public async Task The_what_if_transaction_is_read_only_in_PostgreSQL_itself()
    {
        await using var connection = await servers.DataSource.OpenConnectionAsync();
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead);
        await using (var readOnly = new NpgsqlCommand("SET TRANSACTION READ ONLY", connection, tx)) await readOnly.ExecuteNonQueryAsync();
        await using var write = new NpgsqlCommand("INSERT INTO audit_event (actor, action, entity_type) VALUES ('x', 'y', 'z')", connection, tx);
        var error = await Assert.ThrowsAsync<PostgresException>(() => write.ExecuteNonQueryAsync());
        Assert.Equal("25006", error.SqlState); // read_only_sql_transaction
    }

    [Fact]
    public async Task Screen_with_rules_but_no_from_refuses_with_exit_2_and_one_line_on_stderr()
    {
        var (exit, stdout, stderr) = await Cli("screen", "--rules", "whatif.json", "--as-of", "2025-06-30");
        Assert.Equal(2, exit);
        Assert.Equal("", stdout);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--what-if", line);
    }

    private static async Task<(int Exit, string Stdout, string Stderr)> Cli(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "screening.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["SCREENING_Database__ConnectionString"] = "Host=127.0.0.1;Port=1;Database=none"; // must never be reached
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await stdout, await stderr);
    }

    private static RuleSet Candidate(Action<JsonObject> edit)
    {
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "seeds", "rules.json")))!.AsObject();
        edit(json);
        var (rules, problems) = RuleFile.Parse(json.ToJsonString());
        return rules ?? throw new InvalidOperationException(string.Join("; ", problems));
    }

    private async Task<string[]> KeysOf(params string[] externalIds)
    {
        var keys = new string[externalIds.Length];
        for (var i = 0; i < keys.Length; i++)
            keys[i] = (await servers.DataSource.Scalar<long>("SELECT patient_key FROM patient WHERE external_id = $1", externalIds[i])).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return keys;
    }

    /// <summary>Row count and an md5 of every row (in a stable order) of every table in every schema of the database.</summary>
    private async Task<string> Snapshot()
    {
        var tables = new List<string>();
        await using (var cmd = servers.DataSource.CreateCommand("""
            SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables
            WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1
            """))
        await using (var r = await cmd.ExecuteReaderAsync())
            while (await r.ReadAsync()) tables.Add(r.GetString(0));
        Assert.Contains("public.outreach_task", tables);
        var lines = new List<string>();
        foreach (var table in tables)
        {
            await using var cmd = servers.DataSource.CreateCommand($"SELECT count(*), coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM {table} t");
            await using var r = await cmd.ExecuteReaderAsync();
            await r.ReadAsync();
            lines.Add($"{table} {r.GetInt64(0)} {r.GetString(1)}");
        }
        return string.Join("\n", lines);
    }
}

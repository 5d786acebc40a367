using System.Text.Json;
using Screening.App.Hosting;
using Screening.Contracts;
using Screening.Data.Ingest;
using Screening.IntegrationTests.Infrastructure;
using static Screening.IntegrationTests.Infrastructure.Facts;

namespace Screening.IntegrationTests.Measures;

/// <summary><c>screening measures</c> as a process against its own PostgreSQL database: per-team JSON and refusals.</summary>
public sealed class MeasuresCliTests : IAsyncLifetime
{
    private IsolatedServers servers = null!;

    public async Task InitializeAsync()
    {
        servers = await IsolatedServers.CreateAsync();
        using var host = TestApp.Build(servers, HostRole.Database | HostRole.Rules | HostRole.Ingest);
        await host.Get<ClinicalRecordsIngest>().IngestAsync(new IngestBatch("test", "json",
            [Woman("N-SCANNED", 1958, "north"), Woman("N-NEVER", 1958, "north"), Woman("S-ULTRASOUND", 1958, "south"), Woman("S-YOUNG", 1990, "south")],
            [],
            [],
            [Procedure("N-SCANNED", "77080", "2025-01-10"), Procedure("S-ULTRASOUND", "76977", "2024-05-01")],
            []), CancellationToken.None);
    }

    public Task DisposeAsync() => servers.DisposeAsync();

    private static ProcedureReported Procedure(string patient, string cpt, string day) =>
        new() { SourceSystem = "ehr", PatientId = patient, ProcedureId = patient + "-" + cpt, Code = cpt, PerformedOn = DateOnly.Parse(day) };

    private async Task<Dictionary<string, (int Denominator, int Exclusions, int Numerator, decimal? Rate)>> MeasuresAsync(string team)
    {
        var run = await CliRun.RunAsync(servers, "measures", "--as-of", "2026-12-03", "--team", team, "--format", "json");
        Assert.True(run.ExitCode == 0, run.Stderr);
        using var json = JsonDocument.Parse(run.Stdout);
        Assert.Equal("2026-12-03", json.RootElement.GetProperty("asOf").GetString());
        return json.RootElement.GetProperty("measures").EnumerateArray().ToDictionary(
            m => m.GetProperty("measure").GetString()!,
            m =>
            {
                Assert.Equal(team, m.GetProperty("team").GetString());
                var hasRate = m.TryGetProperty("rate", out var rate) && rate.ValueKind != JsonValueKind.Null; // null rates are left out
                return (m.GetProperty("denominator").GetInt32(), m.GetProperty("exclusions").GetInt32(), m.GetProperty("numerator").GetInt32(),
                    hasRate ? rate.GetDecimal() : (decimal?)null);
            });
    }

    [IntegrationFact]
    public async Task The_measures_of_each_team_count_only_that_teams_patients()
    {
        var north = await MeasuresAsync("north");
        Assert.Equal((2, 0, 1, 0.5m), north["osw"]);          // one scanned since 65, one never
        Assert.Equal((2, 0, 1, 0.5m), north["overdue-dxa"]);  // the never-scanned woman is overdue
        Assert.Equal((0, 0, 0, null), north["omw"]);

        var south = await MeasuresAsync("south");
        Assert.Equal((1, 0, 1, 1m), south["osw"]);            // bone ultrasound 76977 counts for HEDIS OSW …
        Assert.Equal((1, 0, 1, 1m), south["overdue-dxa"]);    // … but is no DXA: still overdue; the woman of 36 is not eligible
        Assert.Equal((2, 0, 0, 0m), south["persistent-anemia"]);
    }

    [IntegrationFact]
    public async Task Bad_options_are_one_line_on_stderr_and_exit_code_2()
    {
        foreach (var args in new[]
        {
            new[] { "measures", "--as-of", "2026-12-03", "--format", "xml" },
            ["measures", "--as-of", "03/12/2026"],
            ["measures"],
            ["measures", "--as-of", "2026-12-03", "--team", "nroth"],
        })
        {
            var run = await CliRun.RunAsync(servers, args);
            Assert.Equal(2, run.ExitCode);
            Assert.Single(run.Stderr.Trim().Split('\n'));
            Assert.StartsWith("measures: ", run.Stderr);
        }
    }
}

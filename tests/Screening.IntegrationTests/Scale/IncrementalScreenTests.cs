using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Screening.App.Demo;
using Screening.App.Hosting;
using Screening.Contracts;
using Screening.Data.Ingest;
using Screening.Data.Outreach;
using Screening.Data.Screening;
using Screening.IntegrationTests.Infrastructure;
using static Screening.IntegrationTests.Infrastructure.Facts;

namespace Screening.IntegrationTests.Scale;

/// <summary>
/// The nightly screen reuses a patient's stored outcome while time alone cannot change it. These specifications
/// hold it to the full screen: night after night, with care-team work and new data in between, the incremental
/// screen leaves exactly the tasks and state a screen that re-evaluates everyone leaves; and it re-evaluates only
/// the patients it must.
/// </summary>
public sealed class IncrementalScreenTests
{
    private static readonly DateOnly Anchor = new(2026, 11, 1);
    private static readonly DateOnly LoadedOn = new(2026, 11, 2);
    private const int Patients = 600;

    /// <summary>Nights a year and more apart, close together, and one going back in time.</summary>
    private static readonly DateOnly[] Nights =
    [
        new(2026, 11, 2), new(2026, 11, 3), new(2026, 12, 15), new(2027, 3, 1), new(2027, 8, 20), new(2027, 11, 5),
        new(2028, 6, 1), new(2027, 1, 10), new(2028, 6, 2),
    ];

    [IntegrationFact]
    public async Task Night_after_night_the_incremental_screen_leaves_what_a_full_screen_leaves()
    {
        await using var incremental = await IsolatedServers.CreateAsync();
        await using var full = await IsolatedServers.CreateAsync();
        await LoadAsync(incremental);
        await LoadAsync(full);

        for (var night = 0; night < Nights.Length; night++)
        {
            var asOf = Nights[night];
            var reused = await ScreenAsync(incremental, asOf, reevaluateAll: false);
            var everyone = await ScreenAsync(full, asOf, reevaluateAll: true);

            Assert.Equal(Patients, everyone.PatientsEvaluated);
            Assert.Equal(await SnapshotAsync(full), await SnapshotAsync(incremental));
            Assert.Equal((everyone.TasksOpened, everyone.TasksUpdated, everyone.TasksReopened, everyone.TasksClosed),
                (reused.TasksOpened, reused.TasksUpdated, reused.TasksReopened, reused.TasksClosed));
            Assert.Equal(everyone.FindingsByRule.OrderBy(x => x.Key), reused.FindingsByRule.OrderBy(x => x.Key));

            foreach (var servers in new[] { incremental, full })
                await CareTeamWorkAndNewDataAsync(servers, night, asOf);
        }
    }

    [IntegrationFact]
    public async Task The_night_after_a_screen_only_patients_whose_outcome_can_move_are_re_evaluated()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        await LoadAsync(servers);

        var first = await ScreenAsync(servers, LoadedOn, reevaluateAll: false);
        var next = await ScreenAsync(servers, LoadedOn.AddDays(1), reevaluateAll: false);
        var again = await ScreenAsync(servers, LoadedOn.AddDays(1), reevaluateAll: false);

        Assert.Equal(0, first.PatientsEvaluated); // ingest evaluated everyone on the day it loaded them
        Assert.InRange(next.PatientsEvaluated, 0, Patients / 20);
        Assert.Equal(0, again.PatientsEvaluated);
        Assert.True(again.ChangedNothing);
        Assert.Equal(Patients, next.PatientsScreened);
    }

    [IntegrationFact]
    public async Task Another_rule_file_makes_the_next_screen_re_evaluate_everyone()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        await LoadAsync(servers);

        var edited = await ScreenAsync(servers, LoadedOn, reevaluateAll: false, rules => rules with { Fingerprint = rules.Fingerprint + "-edited" });
        var after = await ScreenAsync(servers, LoadedOn, reevaluateAll: false, rules => rules with { Fingerprint = rules.Fingerprint + "-edited" });

        Assert.Equal(Patients, edited.PatientsEvaluated);
        Assert.Equal(0, after.PatientsEvaluated);
    }

    private static async Task LoadAsync(IsolatedServers servers)
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Database | HostRole.Rules | HostRole.Ingest);
        var ingest = IngestOn(host, servers, LoadedOn);
        foreach (var batch in new SyntheticPopulation(7, Anchor, 10).Batches(Patients, 50))
            await ingest.IngestAsync(IngestBatch.Of("test", "json", batch), CancellationToken.None);
        await host.StopAsync();
    }

    private static ClinicalRecordsIngest IngestOn(IHost host, IsolatedServers servers, DateOnly day) =>
        new(host.Get<IngestConnections>(), host.Get<ActiveRules>(), new ScreeningClock(new FixedDay(day), TimeZoneInfo.Utc), host.Get<CriticalAlerts>(), host.Get<Screening.Interop.Identity.IdentitySettings>(),
            NullLogger<ClinicalRecordsIngest>.Instance);

    private static async Task<ScreeningRunResult> ScreenAsync(IsolatedServers servers, DateOnly asOf, bool reevaluateAll,
        Func<ActiveRules, ActiveRules>? rules = null)
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Database | HostRole.Rules);
        var active = (rules ?? (r => r))(host.Get<ActiveRules>());
        var screen = new PopulationScreen(servers.DataSource, active, NullLogger<PopulationScreen>.Instance) { BatchSize = 97 };
        var result = await screen.RunAsync(asOf, "test", reevaluateAll, CancellationToken.None);
        await host.StopAsync();
        return result;
    }

    /// <summary>
    /// The same work on both databases between nights, addressed by external id: a nurse completes a task and snoozes
    /// another; later new lows (new evidence), a normal value (resolves) and a retraction (evidence retracted) arrive.
    /// </summary>
    private static async Task CareTeamWorkAndNewDataAsync(IsolatedServers servers, int night, DateOnly day)
    {
        var anemic = await OpenTaskPatientsAsync(servers, "persistent-anemia");
        var overdue = await OpenTaskPatientsAsync(servers, "overdue-dxa");
        if (night == 0)
        {
            await using var connection = await servers.DataSource.OpenConnectionAsync();
            await using var tx = await connection.BeginTransactionAsync();
            await TaskStore.CloseAsync(connection, tx, [(anemic[0].TaskId, "completed:reached-patient")], "completed", "nurse", CancellationToken.None);
            await using (var snooze = new NpgsqlCommand("UPDATE outreach_task SET status = 'snoozed', snoozed_until = $2 WHERE id = $1", connection, tx))
            {
                snooze.Parameters.AddWithValue(overdue[0].TaskId);
                snooze.Parameters.AddWithValue(Nights[3]);
                await snooze.ExecuteNonQueryAsync();
            }
            await tx.CommitAsync();
        }
        if (night == 2)
        {
            var (lows, normal, retracted) = (anemic[1].ExternalId, anemic[2].ExternalId, anemic[3].ExternalId);
            using var host = await TestApp.StartAsync(servers, HostRole.Database | HostRole.Rules | HostRole.Ingest);
            var results = new List<LabResultReported>
            {
                Hb(lows, "new-1", 10.1m, day.AddDays(-40).ToString("yyyy-MM-dd")), Hb(lows, "new-2", 9.8m, day.AddDays(-2).ToString("yyyy-MM-dd")),
                Hb(normal, "new-3", 14.2m, day.AddDays(-1).ToString("yyyy-MM-dd")),
            };
            results.AddRange(await EvidenceRetractionsAsync(servers, retracted));
            await IngestOn(host, servers, day).IngestAsync(new IngestBatch("test", "json", [], results, [], [], []), CancellationToken.None);
            await host.StopAsync();
        }
    }

    /// <summary>Open tasks of a rule with their patient's first identifier (the demo MRN: system|value, as results refer to it).</summary>
    private static async Task<List<(long TaskId, string ExternalId)>> OpenTaskPatientsAsync(IsolatedServers servers, string rule)
    {
        var rows = new List<(long, string)>();
        await using var cmd = servers.DataSource.CreateCommand("""
            SELECT t.id, p.source_system || '|' || p.external_id FROM outreach_task t JOIN patient p USING (patient_key)
            WHERE t.rule_id = $1 AND t.status = 'open' ORDER BY p.external_id, p.source_system
            """);
        cmd.Parameters.AddWithValue(rule);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync()) rows.Add((r.GetInt64(0), r.GetString(1)));
        return rows;
    }

    /// <summary>The open anemia task's evidence results of one patient, sent again as entered-in-error.</summary>
    private static async Task<List<LabResultReported>> EvidenceRetractionsAsync(IsolatedServers servers, string externalId)
    {
        var retractions = new List<LabResultReported>();
        await using var cmd = servers.DataSource.CreateCommand("""
            SELECT r.source_system, r.result_id, r.loinc, r.value, r.unit, r.collected_at
            FROM lab_result r JOIN patient p USING (patient_key)
            JOIN outreach_task t ON t.patient_key = p.patient_key AND t.rule_id = 'persistent-anemia' AND t.status = 'open'
            WHERE p.source_system || '|' || p.external_id = $1 AND r.is_current
              AND r.result_id IN (SELECT e ->> 'resultId' FROM jsonb_array_elements(t.finding -> 'evidence') e)
            """);
        cmd.Parameters.AddWithValue(externalId);
        await using var r = await cmd.ExecuteReaderAsync();
        while (await r.ReadAsync())
            retractions.Add(new LabResultReported
            {
                SourceSystem = r.GetString(0), ResultId = r.GetString(1), PatientSystem = externalId.Split('|')[0], PatientId = externalId.Split('|')[1],
                Loinc = r.GetString(2),
                Value = r.GetDecimal(3), Unit = r.GetString(4), CollectedAt = r.GetFieldValue<DateTimeOffset>(5), Status = "entered-in-error",
            });
        Assert.NotEmpty(retractions);
        return retractions;
    }

    private static async Task<List<string>> SnapshotAsync(IsolatedServers servers)
    {
        var rows = new List<string>();
        await using var cmd = servers.DataSource.CreateCommand("""
            SELECT * FROM (
                SELECT 'task ' || concat_ws('|', p.external_id, t.rule_id, t.status, t.priority, t.since, t.due_date, t.summary,
                       t.evidence_key, t.close_reason, t.snoozed_until,
                       (SELECT string_agg(e.kind, ',' ORDER BY e.id) FROM outreach_task_event e WHERE e.task_id = t.id)) AS row
                FROM outreach_task t JOIN patient p USING (patient_key)
                UNION ALL
                SELECT 'state ' || concat_ws('|', p.external_id, c.rule_id, c.status, c.reason, c.since, c.lowest_value, c.lowest_on,
                       c.evidence_count, c.evidence_key)
                FROM patient_condition c JOIN patient p USING (patient_key)
            ) s ORDER BY row
            """);
        await using var reader = await cmd.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}

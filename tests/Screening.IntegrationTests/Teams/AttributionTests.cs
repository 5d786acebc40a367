using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Screening.App.Hosting;
using Screening.App.Web.Auth;
using Screening.Contracts;
using Screening.Data.Ingest;
using Screening.Data.Outbox;
using Screening.IntegrationTests.Infrastructure;
using Screening.IntegrationTests.Web;
using static Screening.IntegrationTests.Infrastructure.Facts;

namespace Screening.IntegrationTests.Teams;

/// <summary>
/// Which team owns a patient, against real PostgreSQL and RabbitMQ: only existing, active teams are accepted; a feed's
/// unknown team lands on the unassigned queue with the reason; a coordinator works the queue; panels and attribution
/// changes move open tasks with the patient, audited and announced.
/// </summary>
public sealed class AttributionTests : IAsyncLifetime
{
    private WebWorld world = null!;
    public async Task InitializeAsync() => world = await TeamsWorld.StartAsync();
    public Task DisposeAsync() => world.DisposeAsync().AsTask();

    private Task<string?> TaskTeam(long taskId) => world.Servers.DataSource.Scalar<string>("SELECT care_team FROM outreach_task WHERE id = $1", taskId);

    private async Task<HttpClient> ApiAs(string user)
    {
        var token = await world.App.Services.GetRequiredService<UserDirectory>().IssueTokenAsync(user, CancellationToken.None);
        var http = new HttpClient { BaseAddress = new Uri(world.Address) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return http;
    }

    private async Task IngestAsync(IngestBatch batch)
    {
        using var host = TestApp.Build(world.Servers, HostRole.Database | HostRole.Rules | HostRole.Ingest);
        await host.Get<ClinicalRecordsIngest>().IngestAsync(batch, CancellationToken.None);
    }

    [IntegrationFact]
    public async Task Reassigning_a_task_to_a_team_that_does_not_exist_is_refused_everywhere_and_changes_nothing()
    {
        using var api = await ApiAs("nurse.north");
        using var response = await api.PostAsJsonAsync($"/api/tasks/{world.NorthTask}/reassign", new { team = "nroth" });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Unknown team 'nroth'", await response.Content.ReadAsStringAsync());

        using var web = await world.SignedInAsync("nurse.north");
        await web.GetAsync($"/patients/{world.NorthPatient}");
        using var form = await web.PostFormAsync($"/tasks/{world.NorthTask}/reassign", new Dictionary<string, string> { ["otherTeam"] = "nroth" });
        Assert.Equal(HttpStatusCode.BadRequest, form.StatusCode);

        var cli = await CliRun.RunAsync(world.Servers, "tasks", "reassign", $"{world.NorthTask}", "--team", "nroth");
        Assert.Equal(2, cli.ExitCode);
        Assert.Contains("Unknown team 'nroth'", cli.Stderr);
        Assert.Single(cli.Stderr.Trim().Split('\n'));

        Assert.Equal("north", await TaskTeam(world.NorthTask));
        Assert.Equal(0, await world.Servers.DataSource.Count("SELECT count(*) FROM outreach_task_event WHERE kind = 'reassigned'"));

        var ok = await CliRun.RunAsync(world.Servers, "tasks", "reassign", $"{world.NorthTask}", "--team", "south");
        Assert.Equal(0, ok.ExitCode);
        Assert.Equal("south", await TaskTeam(world.NorthTask));
        Assert.Equal(1, await world.Servers.DataSource.Count(
            "SELECT count(*) FROM outreach_task_event WHERE kind = 'reassigned' AND publish AND detail ->> 'to' = 'south'"));
    }

    [IntegrationFact]
    public async Task Bad_team_and_rule_input_on_the_command_line_is_exit_2_with_one_line()
    {
        foreach (var args in new[]
                 {
                     new[] { "teams", "add", "north team" }, ["teams", "add", "north"], ["teams", "disable", "nroth"], ["teams", "disable", "unassigned"],
                     ["teams", "rules", "add", "--basis", "zip", "--value", "02139", "--team", "north"],
                     ["teams", "rules", "add", "--basis", "pcp", "--value", "1234567893", "--team", "nroth"],
                 })
        {
            var run = await CliRun.RunAsync(world.Servers, args);
            Assert.True(run.ExitCode == 2, $"{string.Join(' ', args)} → {run.ExitCode}: {run.Stderr}");
            Assert.StartsWith("teams: ", run.Stderr);
            Assert.Single(run.Stderr.Trim().Split('\n'));
        }
        Assert.Equal(0, await world.Servers.DataSource.Count("SELECT count(*) FROM attribution_rule"));
    }

    [IntegrationFact]
    public async Task A_feeds_unknown_team_puts_the_patient_on_the_unassigned_queue_where_a_coordinator_bulk_assigns_them_with_their_tasks()
    {
        // Two patients from a feed that spells its team "nroth"; one has a critical hemoglobin (an urgent task at ingest).
        await IngestAsync(new IngestBatch("test", "json", [Woman("Q-1", team: "nroth"), Woman("Q-2", team: "nroth"), Woman("Q-3", team: "")],
            [Hb("Q-1", "Q-1-1", 7.1m, "2025-06-01")], [], [], []));
        Assert.Equal(2, await world.Servers.DataSource.Count(
            "SELECT count(*) FROM patient WHERE care_team = 'unassigned' AND attribution_reason = 'unknown-team:nroth'"));
        Assert.Equal("no-rule-matched", await world.Servers.DataSource.Scalar<string>("SELECT attribution_reason FROM patient WHERE external_id = 'Q-3'"));
        var urgent = await world.Servers.DataSource.Scalar<long>("SELECT id FROM outreach_task WHERE rule_id = 'critical-value'");
        Assert.Equal("unassigned", await TaskTeam(urgent));

        using var nurse = await ApiAs("nurse.north");
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.GetAsync("/api/queue")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await nurse.PostAsJsonAsync("/api/queue/assign", new { team = "north", reason = "unknown-team:" })).StatusCode);

        using var coord = await ApiAs("coord");
        var queue = JsonDocument.Parse(await coord.GetStringAsync("/api/queue?reason=unknown-team:")).RootElement;
        Assert.Equal(2, queue.GetProperty("total").GetInt64());
        Assert.Equal(HttpStatusCode.BadRequest, (await coord.PostAsJsonAsync("/api/queue/assign", new { team = "nroth", reason = "unknown-team:" })).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await coord.PostAsJsonAsync("/api/queue/assign", new { team = "north" })).StatusCode); // no filter

        using var assigned = await coord.PostAsJsonAsync("/api/queue/assign", new { team = "north", reason = "unknown-team:nroth" });
        Assert.Equal(HttpStatusCode.OK, assigned.StatusCode);
        var result = JsonDocument.Parse(await assigned.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(2, result.GetProperty("assigned").GetInt32());
        Assert.Equal(1, result.GetProperty("tasksMoved").GetInt32());

        Assert.Equal("north", await TaskTeam(urgent));
        Assert.Equal(2, await world.Servers.DataSource.Count("SELECT count(*) FROM patient WHERE care_team = 'north' AND attribution_reason = 'manual:coord'"));
        Assert.Equal(2, await world.Servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action = 'patient.attribute' AND actor = 'coord'"));
        Assert.Equal(1, await world.Servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action = 'queue.bulk-assign' AND actor = 'coord'"));
        Assert.Equal(1, await world.Servers.DataSource.Count(
            "SELECT count(*) FROM outreach_task_event WHERE task_id = $1 AND kind = 'reassigned' AND publish AND detail ->> 'reason' = 'manual:coord'", urgent));

        var page = await nurse.GetStringAsync($"/api/tasks/{urgent}");  // the north nurse now has the urgent task
        Assert.Contains("critical-value", page);

        // A later message from the same feed does not undo the coordinator's decision.
        await IngestAsync(new IngestBatch("test", "json", [Woman("Q-1", team: "south")], [], [], [], []));
        Assert.Equal("north", await world.Servers.DataSource.Scalar<string>("SELECT care_team FROM patient WHERE external_id = 'Q-1'"));
        Assert.Equal("unassigned", await world.Servers.DataSource.Scalar<string>("SELECT care_team FROM patient WHERE external_id = 'Q-3'"));
    }

    [IntegrationFact]
    public async Task A_panel_import_moves_known_patients_and_their_open_tasks_announced_and_a_bad_panel_imports_nothing()
    {
        var reassigned = await RawAmqp.BindProbeQueueAsync(world.Servers.AmqpUrl, "Screening.Contracts:OutreachTaskReassigned");
        var openTasks = await world.Servers.DataSource.Count(
            "SELECT count(*) FROM outreach_task WHERE patient_key = $1 AND status IN ('open', 'in-progress', 'snoozed')", world.SouthPatient);
        var dir = Directory.CreateTempSubdirectory("panel");
        try
        {
            var bad = Path.Combine(dir.FullName, "bad.csv");
            await File.WriteAllTextAsync(bad, $"identifier,team\ndefault|{WebWorld.NorthExternalId},east\nMRN-SOUTH-1,east\ndefault|X,nroth\n");
            var refused = await CliRun.RunAsync(world.Servers, "teams", "panel", "import", bad);
            Assert.Equal(2, refused.ExitCode);
            Assert.Contains("line 3: identifier 'MRN-SOUTH-1' has no issuing system", refused.Stderr);
            Assert.Contains("line 4: unknown or disabled team 'nroth'", refused.Stderr);
            Assert.Equal(0, await world.Servers.DataSource.Count("SELECT count(*) FROM attribution_panel"));

            var good = Path.Combine(dir.FullName, "east-2026.csv");
            await File.WriteAllTextAsync(good, "identifier,team\nMRN-SOUTH-1,east\nNOT-YET-SEEN,east\n");
            var imported = await CliRun.RunAsync(world.Servers, "teams", "panel", "import", good, "--system", "local");
            Assert.True(imported.ExitCode == 0, imported.Stderr);
            Assert.Equal($"Imported panel east-2026: 2 line(s); 1 known patient(s) moved, {openTasks} open task(s) with them.", imported.Stdout.Trim());
        }
        finally
        {
            dir.Delete(true);
        }

        Assert.Equal("east", await world.Servers.DataSource.Scalar<string>("SELECT care_team FROM patient WHERE patient_key = $1", world.SouthPatient));
        Assert.Equal("panel:east-2026", await world.Servers.DataSource.Scalar<string>("SELECT attribution_reason FROM patient WHERE patient_key = $1", world.SouthPatient));
        Assert.Equal("east", await TaskTeam(world.SouthTask));
        Assert.Equal(1, await world.Servers.DataSource.Count(
            "SELECT count(*) FROM audit_event WHERE action = 'patient.attribute' AND patient_key = $1 AND detail ->> 'from' = 'south'", world.SouthPatient));

        using (var host = TestApp.Build(world.Servers, HostRole.Database | HostRole.Publisher))
        {
            await host.StartAsync();
            await host.Get<TaskEventDispatcher>().DispatchPendingAsync(CancellationToken.None); // also the seed's queued events
            await host.StopAsync();
        }
        var messages = new List<string>();
        await Eventually.Get(async () => { messages.AddRange(await RawAmqp.DrainAsync(world.Servers.AmqpUrl, reassigned)); return messages; },
            m => m.Count == openTasks, what: "OutreachTaskReassigned for every moved task");
        var message = messages.Select(m => JsonDocument.Parse(m).RootElement.GetProperty("message"))
            .Single(m => m.GetProperty("taskId").GetInt64() == world.SouthTask);
        Assert.Equal(world.SouthTask, message.GetProperty("taskId").GetInt64());
        Assert.Equal("south", message.GetProperty("fromTeam").GetString());
        Assert.Equal("east", message.GetProperty("careTeam").GetString());
        Assert.Equal("panel:east-2026", message.GetProperty("reason").GetString());
        Assert.All(messages, m => Assert.DoesNotContain("MRN-SOUTH-1", m));

        // A patient the panel names who arrives later is placed on arrival.
        await IngestAsync(new IngestBatch("test", "json", [Woman("NOT-YET-SEEN", team: "north")], [], [], [], []));
        Assert.Equal("east", await world.Servers.DataSource.Scalar<string>("SELECT care_team FROM patient WHERE external_id = 'NOT-YET-SEEN'"));
    }

    [IntegrationFact]
    public async Task A_rule_change_moves_open_tasks_with_the_patient_and_closed_history_stays()
    {
        await IngestAsync(new IngestBatch("test", "json", [Woman("R-1", team: "")], [Hb("R-1", "R-1-1", 7.0m, "2025-06-01")], [], [], []));
        var task = await world.Servers.DataSource.Scalar<long>(
            "SELECT t.id FROM outreach_task t JOIN patient p USING (patient_key) WHERE p.external_id = 'R-1'");
        var open = task;
        task = await world.Servers.DataSource.Scalar<long>("""
            INSERT INTO outreach_task (patient_key, rule_id, status, priority, care_team, summary, finding, evidence_key, rule_version, closed_at)
            SELECT patient_key, 'persistent-anemia', 'completed', 'normal', care_team, 'worked last year', '{}', 'k', 'v', now()
            FROM outreach_task WHERE id = $1 RETURNING id
            """, open);

        // Today's feeds carry the declared team; a panel is the operator's lever, and a disabled team empties to the queue.
        await world.Servers.DataSource.Count(
            "INSERT INTO attribution_panel (identifier_system, identifier_value, team, panel, imported_by) VALUES ('local', 'R-1', 'west', 'w', 'test')");
        await IngestAsync(new IngestBatch("test", "json", [Woman("R-1", team: "")], [], [], [], []));
        Assert.Equal("west", await TaskTeam(open));
        Assert.Equal("unassigned", await TaskTeam(task)); // closed history stays with whoever worked it

        var disabled = await CliRun.RunAsync(world.Servers, "teams", "disable", "west");
        Assert.True(disabled.ExitCode == 0, disabled.Stderr);
        Assert.Equal("unassigned", await TaskTeam(open));
        Assert.Equal("team-disabled:west", await world.Servers.DataSource.Scalar<string>("SELECT attribution_reason FROM patient WHERE external_id = 'R-1'"));
        Assert.Equal(2, await world.Servers.DataSource.Count("SELECT count(*) FROM outreach_task_event WHERE task_id = $1 AND kind = 'reassigned' AND publish", open));
    }
}

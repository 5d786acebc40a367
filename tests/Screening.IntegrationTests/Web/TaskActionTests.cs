using System.Net;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

public sealed class TaskActionTests : IAsyncLifetime
{
    private WebWorld world = null!;
    public async Task InitializeAsync() => world = await WebWorld.StartAsync();
    public Task DisposeAsync() => world.DisposeAsync().AsTask();

    private async Task<HttpResponseMessage> Act(WebSession s, string kind, Dictionary<string, string>? fields = null)
    {
        await s.GetAsync($"/patients/{world.NorthPatient}");
        fields ??= [];
        fields.TryAdd("rowVersion", (await world.RowVersion(world.NorthTask)).ToString(System.Globalization.CultureInfo.InvariantCulture));
        return await s.PostFormAsync($"/tasks/{world.NorthTask}/{kind}", fields);
    }

    private Task<long> Events(string kind) => world.Servers.DataSource.Count(
        "SELECT count(*) FROM outreach_task_event WHERE task_id = $1 AND kind = $2 AND actor = 'nurse.north'", world.NorthTask, kind);
    private Task<long> Audits(string action) => world.Servers.DataSource.Count(
        "SELECT count(*) FROM audit_event WHERE entity_id = $1 AND action = $2 AND actor = 'nurse.north' AND patient_key = $3",
        world.NorthTask.ToString(System.Globalization.CultureInfo.InvariantCulture), action, world.NorthPatient);
    private Task<string?> Column(string column) =>
        world.Servers.DataSource.Scalar<string>($"SELECT {column}::text FROM outreach_task WHERE id = $1", world.NorthTask);

    [IntegrationFact]
    public async Task Start_note_snooze_reassign_and_complete_each_change_the_task_and_append_an_event_and_an_audit_row()
    {
        using var s = await world.SignedInAsync("nurse.north");

        using (var r = await Act(s, "start")) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("in-progress", await Column("status"));
        Assert.Equal(1, await Events("started"));
        Assert.Equal(1, await Audits("task.start"));

        using (var r = await Act(s, "notes", new() { ["note"] = "Left a voicemail." })) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal(1, await Events("note"));
        Assert.Equal(1, await Audits("task.notes"));

        var until = DateTime.UtcNow.Date.AddDays(20).ToString("yyyy-MM-dd");
        using (var r = await Act(s, "snooze", new() { ["until"] = until, ["note"] = "away" })) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("snoozed", await Column("status"));
        Assert.Equal(until, await Column("snoozed_until"));
        Assert.Equal(1, await Events("snoozed"));
        using (var r = await Act(s, "snooze", new() { ["until"] = DateTime.UtcNow.Date.AddDays(400).ToString("yyyy-MM-dd") }))
            Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);

        using (var r = await Act(s, "complete", new() { ["outcome"] = "workup-ordered", ["note"] = "CBC, ferritin ordered" }))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("completed", await Column("status"));
        Assert.Equal("workup-ordered", await Column("outcome"));
        Assert.Equal("completed:workup-ordered", await Column("close_reason"));
        Assert.Equal(1, await Events("completed"));
        Assert.Equal(1, await world.Servers.DataSource.Count(
            "SELECT count(*) FROM outreach_task_event WHERE task_id = $1 AND kind = 'closed' AND publish AND detail->>'reason' = 'completed:workup-ordered'", world.NorthTask));
        Assert.Equal(1, await Audits("task.complete"));

        using (var r = await Act(s, "start")) Assert.Equal(HttpStatusCode.Conflict, r.StatusCode); // closed tasks stay closed
    }

    [IntegrationFact]
    public async Task Dismiss_closes_with_the_reason_and_reassign_moves_the_task_out_of_the_team()
    {
        using var s = await world.SignedInAsync("nurse.north");
        using (var r = await Act(s, "dismiss", new() { ["reason"] = "made-up" })) Assert.Equal(HttpStatusCode.BadRequest, r.StatusCode);
        using (var r = await Act(s, "reassign", new() { ["team"] = "south" })) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        Assert.Equal("south", await Column("care_team"));
        Assert.Equal(1, await Events("reassigned"));
        Assert.Equal(1, await Audits("task.reassign"));
        Assert.Equal(HttpStatusCode.NotFound, (await s.GetAsync($"/api/tasks/{world.NorthTask}")).Status);

        using var south = await world.SignedInAsync("nurse.south");
        await south.GetAsync($"/patients/{world.NorthPatient}");
        var version = (await world.RowVersion(world.NorthTask)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var dismissed = await south.PostFormAsync($"/tasks/{world.NorthTask}/dismiss", new Dictionary<string, string> { ["reason"] = "managed-elsewhere", ["rowVersion"] = version });
        Assert.Equal(HttpStatusCode.Redirect, dismissed.StatusCode);
        Assert.Equal("dismissed", await Column("status"));
        Assert.Equal("dismissed:managed-elsewhere", await Column("close_reason"));
        Assert.Equal(1, await world.Servers.DataSource.Count(
            "SELECT count(*) FROM outreach_task_event WHERE task_id = $1 AND kind = 'closed' AND publish AND actor = 'nurse.south'", world.NorthTask));
        Assert.Equal(1, await world.Servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action = 'task.dismiss' AND actor = 'nurse.south'"));
    }

    [IntegrationFact]
    public async Task A_stale_row_version_is_refused_with_409_instead_of_overwriting_another_nurses_change()
    {
        using var first = await world.SignedInAsync("nurse.north");
        using var second = await world.SignedInAsync("admin");
        await second.GetAsync($"/patients/{world.NorthPatient}");
        var seenBySecond = (await world.RowVersion(world.NorthTask)).ToString(System.Globalization.CultureInfo.InvariantCulture);

        using (var r = await Act(first, "start")) Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        using var stale = await second.PostFormAsync($"/tasks/{world.NorthTask}/dismiss",
            new Dictionary<string, string> { ["reason"] = "duplicate", ["rowVersion"] = seenBySecond });
        Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        Assert.Equal("in-progress", await Column("status"));
        Assert.Equal(0, await world.Servers.DataSource.Count("SELECT count(*) FROM outreach_task_event WHERE kind = 'dismissed'"));
    }
}

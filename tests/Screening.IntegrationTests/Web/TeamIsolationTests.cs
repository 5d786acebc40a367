using System.Net;
using System.Net.Http.Json;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

public sealed class TeamIsolationTests : IAsyncLifetime
{
    private WebWorld world = null!;
    public async Task InitializeAsync() => world = await WebWorld.StartAsync();
    public Task DisposeAsync() => world.DisposeAsync().AsTask();

    [IntegrationFact]
    public async Task A_care_team_member_sees_only_their_teams_tasks_and_patients_and_gets_404_for_anything_else()
    {
        using var north = await world.SignedInAsync("nurse.north");

        var (status, worklist) = await north.GetAsync("/worklist");
        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains($"/patients/{world.NorthPatient}#task-{world.NorthTask}", worklist);
        Assert.DoesNotContain($"/patients/{world.SouthPatient}", worklist);

        var (own, page) = await north.GetAsync($"/patients/{world.NorthPatient}");
        Assert.Equal(HttpStatusCode.OK, own);
        Assert.Contains(WebWorld.NorthExternalId, page);            // shown in the body to the patient's team …
        Assert.Contains("<svg", page);
        Assert.Contains("class=\"evidence\"", page);

        Assert.Equal(HttpStatusCode.NotFound, (await north.GetAsync($"/patients/{world.SouthPatient}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await north.GetAsync($"/patients/{world.SouthPatient + 1000}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await north.GetAsync($"/api/patients/{world.SouthPatient}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await north.GetAsync($"/api/tasks/{world.SouthTask}")).Status);
        using var action = await north.PostFormAsync($"/tasks/{world.SouthTask}/start", new Dictionary<string, string>());
        Assert.Equal(HttpStatusCode.NotFound, action.StatusCode);
        Assert.Equal("open", await world.Servers.DataSource.Scalar<string>("SELECT status FROM outreach_task WHERE id = $1", world.SouthTask));

        var filtered = await north.Http.GetFromJsonAsync<TaskPage>("/api/tasks?team=south");
        Assert.Empty(filtered!.Items);
    }

    [IntegrationFact]
    public async Task An_admin_sees_every_team()
    {
        using var admin = await world.SignedInAsync("admin");
        var (_, worklist) = await admin.GetAsync("/worklist");
        Assert.Contains($"/patients/{world.NorthPatient}", worklist);
        Assert.Contains($"/patients/{world.SouthPatient}", worklist);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync($"/patients/{world.SouthPatient}")).Status);
        var (dash, dashboard) = await admin.GetAsync("/dashboard");
        Assert.Equal(HttpStatusCode.OK, dash);
        Assert.Contains("Open tasks by team and rule", dashboard);
        Assert.Contains("<svg", dashboard);
        Assert.Contains("id=\"measure-trend\"", dashboard); // quality-measure rates on 12 monthly as-of dates
    }

    [IntegrationFact]
    public async Task Anonymous_requests_are_sent_to_sign_in_and_the_api_answers_401_but_health_is_open()
    {
        using var anonymous = new WebSession(world.Address);
        using var page = await anonymous.Http.GetAsync($"/patients/{world.NorthPatient}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.Http.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.Http.GetAsync("/health/ready")).StatusCode);
        using var wrong = await anonymous.PostFormAsync("/login", new Dictionary<string, string> { ["userName"] = "nurse.north", ["password"] = "nope" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode); // no antiforgery token
    }

    public sealed record TaskPage(List<System.Text.Json.JsonElement> Items, string? Next);
}

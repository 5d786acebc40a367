using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Screening.App.Web.Auth;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

public sealed class CsrfAndApiTests : IAsyncLifetime
{
    private WebWorld world = null!;
    public async Task InitializeAsync() => world = await WebWorld.StartAsync();
    public Task DisposeAsync() => world.DisposeAsync().AsTask();

    [IntegrationFact]
    public async Task A_form_post_without_the_antiforgery_token_is_400_and_changes_nothing()
    {
        using var s = await world.SignedInAsync("nurse.north");
        using var withoutToken = await s.PostFormAsync($"/tasks/{world.NorthTask}/start", new Dictionary<string, string>(), withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, withoutToken.StatusCode);
        using var forged = await s.PostFormAsync($"/tasks/{world.NorthTask}/start", new Dictionary<string, string> { ["__RequestVerificationToken"] = "forged" }, withToken: false);
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal("open", await world.Servers.DataSource.Scalar<string>("SELECT status FROM outreach_task WHERE id = $1", world.NorthTask));
    }

    [IntegrationFact]
    public async Task The_api_with_a_cookie_needs_the_antiforgery_header_and_with_a_bearer_token_does_not()
    {
        using var s = await world.SignedInAsync("nurse.north");
        using (var noHeader = await s.Http.PostAsJsonAsync($"/api/tasks/{world.NorthTask}/notes", new { note = "x" }))
            Assert.Equal(HttpStatusCode.BadRequest, noHeader.StatusCode);
        using (var request = new HttpRequestMessage(HttpMethod.Post, $"/api/tasks/{world.NorthTask}/notes") { Content = JsonContent.Create(new { note = "called" }) })
        {
            request.Headers.Add("X-CSRF-TOKEN", s.CsrfToken);
            using var withHeader = await s.Http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, withHeader.StatusCode);
        }

        var token = await world.App.Services.GetRequiredService<UserDirectory>().IssueTokenAsync("nurse.north", CancellationToken.None);
        using var api = new HttpClient { BaseAddress = new Uri(world.Address) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using (var started = await api.PostAsJsonAsync($"/api/tasks/{world.NorthTask}/start", new { }))
            Assert.Equal(HttpStatusCode.OK, started.StatusCode);
        Assert.Equal("in-progress", await world.Servers.DataSource.Scalar<string>("SELECT status FROM outreach_task WHERE id = $1", world.NorthTask));
        Assert.Equal(2, await world.Servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action IN ('task.notes', 'task.start') AND actor = 'nurse.north'"));
    }

    [IntegrationFact]
    public async Task The_bearer_api_lists_reads_and_works_tasks_and_rejects_bad_tokens_and_stale_versions()
    {
        var token = await world.App.Services.GetRequiredService<UserDirectory>().IssueTokenAsync("nurse.north", CancellationToken.None);
        Assert.Equal(1, await world.Servers.DataSource.Count("SELECT count(*) FROM api_token WHERE token_hash = $1", UserDirectory.HashToken(token!)));
        Assert.Equal(0, await world.Servers.DataSource.Count("SELECT count(*) FROM api_token WHERE token_hash = $1", token!));
        using var api = new HttpClient { BaseAddress = new Uri(world.Address) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var list = await api.GetFromJsonAsync<JsonElement>("/api/tasks?rule=persistent-anemia");
        var ids = list.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("id").GetInt64()).ToList();
        Assert.Equal([world.NorthTask], ids);
        Assert.Equal(1, list.GetProperty("counts").GetProperty("total").GetInt64());

        var task = await api.GetFromJsonAsync<JsonElement>($"/api/tasks/{world.NorthTask}");
        Assert.False(task.GetProperty("task").GetProperty("finding").TryGetProperty("patientId", out _));
        Assert.NotEmpty(task.GetProperty("task").GetProperty("finding").GetProperty("evidence").EnumerateArray());
        var version = task.GetProperty("task").GetProperty("rowVersion").GetUInt32();

        var patient = await api.GetFromJsonAsync<JsonElement>($"/api/patients/{world.NorthPatient}");
        Assert.Equal("female", patient.GetProperty("patient").GetProperty("sex").GetString());
        Assert.Equal(3, patient.GetProperty("results").GetArrayLength());

        using (var snooze = await api.PostAsJsonAsync($"/api/tasks/{world.NorthTask}/snooze",
                   new { rowVersion = version, until = DateTime.UtcNow.Date.AddDays(10).ToString("yyyy-MM-dd"), note = "on holiday" }))
            Assert.Equal(HttpStatusCode.OK, snooze.StatusCode);
        using (var stale = await api.PostAsJsonAsync($"/api/tasks/{world.NorthTask}/complete", new { rowVersion = version, outcome = "referred" }))
            Assert.Equal(HttpStatusCode.Conflict, stale.StatusCode);
        using (var invalid = await api.PostAsJsonAsync($"/api/tasks/{world.NorthTask}/complete", new { outcome = "made-up" }))
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using (var done = await api.PostAsJsonAsync($"/api/tasks/{world.NorthTask}/complete", new { outcome = "referred" }))
            Assert.Equal(HttpStatusCode.OK, done.StatusCode);
        Assert.Equal("completed", await world.Servers.DataSource.Scalar<string>("SELECT status FROM outreach_task WHERE id = $1", world.NorthTask));

        using var bad = new HttpClient { BaseAddress = new Uri(world.Address) };
        bad.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "scr_not-a-token");
        Assert.Equal(HttpStatusCode.Unauthorized, (await bad.GetAsync("/api/tasks")).StatusCode);
        await world.App.Services.GetRequiredService<UserDirectory>().DisableAsync("nurse.north", CancellationToken.None);
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/tasks")).StatusCode);
    }

    [IntegrationFact]
    public async Task The_csv_export_holds_the_current_filter_for_my_teams_only_and_is_audited()
    {
        using var admin = await world.SignedInAsync("admin");
        using var all = await admin.Http.GetAsync("/worklist.csv?rule=persistent-anemia");
        Assert.Equal("text/csv", all.Content.Headers.ContentType!.MediaType);
        var lines = (await all.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("task_id,patient_key,rule,status", lines[0]);
        Assert.Equal(3, lines.Length);

        using var north = await world.SignedInAsync("nurse.north");
        var csv = await north.Http.GetStringAsync("/worklist.csv?rule=persistent-anemia&status=open-all");
        var rows = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
        Assert.Single(rows);
        Assert.StartsWith($"{world.NorthTask},{world.NorthPatient},persistent-anemia,open,", rows[0]);
        Assert.DoesNotContain(WebWorld.NorthExternalId, csv);
        Assert.All((await north.Http.GetStringAsync("/worklist.csv?status=all")).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Skip(1),
            row => Assert.Contains(",north,", row));
        Assert.Equal(HttpStatusCode.BadRequest, (await north.Http.GetAsync("/worklist.csv?status=bogus")).StatusCode);
        Assert.Equal(3, await world.Servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action = 'worklist.export'"));
    }
}

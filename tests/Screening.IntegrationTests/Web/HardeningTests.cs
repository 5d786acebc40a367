using System.Net;
using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using Screening.App.Web.Auth;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

/// <summary>Fixes from the security review (issue 16): redirects, malformed bodies, headers on errors, audit of reads and probes.</summary>
public sealed class HardeningTests : IAsyncLifetime
{
    private WebWorld world = null!;
    public async Task InitializeAsync() => world = await WebWorld.StartAsync();
    public Task DisposeAsync() => world.DisposeAsync().AsTask();

    [IntegrationFact]
    public async Task A_return_url_that_could_leave_the_site_is_replaced_by_the_worklist()
    {
        string[] offSite = ["/\t/evil.example/phish", "/\n/evil.example", "/\r\n/evil.example", "//evil.example", "/\\evil.example", "https://evil.example",
            " /worklist", "/ /evil.example", "/\u0085/evil.example"];
        foreach (var payload in offSite)
        {
            using var s = new WebSession(world.Address);
            Assert.Equal(HttpStatusCode.OK, (await s.GetAsync("/login?returnUrl=" + Uri.EscapeDataString(payload))).Status);
            using var response = await s.PostFormAsync("/login",
                new Dictionary<string, string> { ["userName"] = "nurse.north", ["password"] = WebWorld.Password, ["returnUrl"] = payload });
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Equal("/worklist", response.Headers.Location!.OriginalString);
        }
        using var ok = new WebSession(world.Address);
        await ok.GetAsync("/login");
        using var local = await ok.PostFormAsync("/login",
            new Dictionary<string, string> { ["userName"] = "nurse.north", ["password"] = WebWorld.Password, ["returnUrl"] = $"/patients/{world.NorthPatient}" });
        Assert.Equal($"/patients/{world.NorthPatient}", local.Headers.Location!.OriginalString);
    }

    [IntegrationFact]
    public async Task Malformed_form_bodies_are_400_and_every_response_even_a_500_carries_the_security_headers()
    {
        using var s = await world.SignedInAsync("nurse.north");
        var noise = new byte[1 << 20];
        new Random(16).NextBytes(noise);
        foreach (var path in new[] { "/login", $"/tasks/{world.NorthTask}/start" })
        {
            using var random = new ByteArrayContent(noise);
            random.Headers.ContentType = new MediaTypeHeaderValue("application/x-www-form-urlencoded");
            using var r1 = await s.Http.PostAsync(path, random);
            Assert.Equal(HttpStatusCode.BadRequest, r1.StatusCode);
            AssertSecurityHeaders(r1);

            using var multipart = new ByteArrayContent("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--\r\n"u8.ToArray());
            multipart.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data");
            using var r2 = await s.Http.PostAsync(path, multipart);
            Assert.Equal(HttpStatusCode.BadRequest, r2.StatusCode);
            AssertSecurityHeaders(r2);
        }
        using (var notFound = await s.Http.GetAsync("/no/such/page")) AssertSecurityHeaders(notFound);

        await world.Servers.DataSource.Count("ALTER TABLE outreach_task RENAME TO outreach_task_gone"); // the worklist query now fails
        using var error = await s.Http.GetAsync("/worklist");
        Assert.Equal(HttpStatusCode.InternalServerError, error.StatusCode);
        AssertSecurityHeaders(error);
    }

    private static void AssertSecurityHeaders(HttpResponseMessage response)
    {
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
        Assert.Equal("DENY", Assert.Single(response.Headers.GetValues("X-Frame-Options")));
        Assert.Contains("frame-ancestors 'none'", Assert.Single(response.Headers.GetValues("Content-Security-Policy")));
    }

    [IntegrationFact]
    public async Task Cross_team_probes_and_bulk_api_reads_are_audited()
    {
        using var s = await world.SignedInAsync("nurse.north");
        Assert.Equal(HttpStatusCode.NotFound, (await s.GetAsync($"/patients/{world.SouthPatient}")).Status);
        Assert.Equal(HttpStatusCode.NotFound, (await s.Http.GetAsync($"/api/tasks/{world.SouthTask}")).StatusCode);
        Assert.Equal(2, await world.Servers.DataSource.Count(
            "SELECT count(*) FROM audit_event WHERE action = 'access.not-found' AND actor = 'nurse.north' AND entity_id IN ($1, $2)",
            world.SouthPatient.ToString(), world.SouthTask.ToString()));

        var token = await world.App.Services.GetRequiredService<UserDirectory>().IssueTokenAsync("nurse.north", CancellationToken.None);
        using var api = new HttpClient { BaseAddress = new Uri(world.Address) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/tasks?pageSize=500&status=all")).StatusCode);
        Assert.Equal(1, await world.Servers.DataSource.Count(
            "SELECT count(*) FROM audit_event WHERE action = 'api.tasks.list' AND actor = 'nurse.north' AND detail->'taskIds' @> to_jsonb($1)", world.NorthTask));
    }

    [IntegrationFact]
    public async Task A_care_team_member_sees_only_their_teams_figures_on_the_dashboard()
    {
        using var north = await world.SignedInAsync("nurse.north");
        var (_, mine) = await north.GetAsync("/dashboard");
        Assert.Contains("Open tasks by team and rule", mine);
        Assert.DoesNotContain("south", mine);
        Assert.DoesNotContain("Rejected messages by reason", mine);
        Assert.DoesNotContain("Last screening runs", mine);
        using var admin = await world.SignedInAsync("admin");
        var (_, all) = await admin.GetAsync("/dashboard");
        Assert.Contains("south", all);
        Assert.Contains("Last screening runs", all);
    }
}

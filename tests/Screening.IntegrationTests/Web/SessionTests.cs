using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Screening.App.Web.Auth;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

/// <summary>Server-side sessions (issue 16): a cookie is only a session id, and the server can end the session at once.</summary>
public sealed class SessionTests : IAsyncLifetime
{
    private WebWorld world = null!;
    public async Task InitializeAsync() => world = await WebWorld.StartAsync();
    public Task DisposeAsync() => world.DisposeAsync().AsTask();

    private HttpClient Replay(WebSession session)
    {
        var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(world.Address) };
        http.DefaultRequestHeaders.Add("Cookie", session.Cookies.GetCookieHeader(new Uri(world.Address)));
        return http;
    }

    [IntegrationFact]
    public async Task A_saved_cookie_replayed_after_logout_is_refused()
    {
        using var s = await world.SignedInAsync("nurse.north");
        using var saved = Replay(s);
        Assert.Equal(HttpStatusCode.OK, (await saved.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await saved.GetAsync($"/patients/{world.NorthPatient}")).StatusCode);

        using (var logout = await s.PostFormAsync("/logout", new Dictionary<string, string>()))
            Assert.Equal(HttpStatusCode.Redirect, logout.StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await saved.GetAsync("/api/tasks")).StatusCode);
        using var page = await saved.GetAsync($"/patients/{world.NorthPatient}");
        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/login", page.Headers.Location!.OriginalString.Replace(world.Address, ""));
        Assert.Equal(1, await world.Servers.DataSource.Count("SELECT count(*) FROM user_session WHERE revoked_reason = 'logout'"));
        Assert.Equal(1, await world.Servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action = 'user.sign-out' AND actor = 'nurse.north'"));
    }

    [IntegrationFact]
    public async Task The_cookie_carries_only_a_session_id_whose_hash_is_the_stored_row()
    {
        using var s = await world.SignedInAsync("nurse.north");
        var cookie = s.Cookies.GetCookies(new Uri(world.Address))["screening.auth"]!.Value;
        Assert.DoesNotContain("nurse", cookie);
        Assert.Equal(1, await world.Servers.DataSource.Count("SELECT count(*) FROM user_session WHERE revoked_at IS NULL"));
        Assert.Equal(TimeSpan.FromHours(12),
            await world.Servers.DataSource.Scalar<TimeSpan>("SELECT expires_at - created_at FROM user_session"));
    }

    [IntegrationFact]
    public async Task Password_change_disable_and_sign_out_everywhere_end_every_session_at_once()
    {
        var users = world.App.Services.GetRequiredService<UserDirectory>();
        using (var first = await world.SignedInAsync("nurse.north"))
        using (var second = await world.SignedInAsync("nurse.north"))
        {
            Assert.Equal(2, (await users.SignOutEverywhereAsync("nurse.north", CancellationToken.None))!.Value);
            Assert.Equal(HttpStatusCode.Unauthorized, (await first.Http.GetAsync("/api/tasks")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await second.Http.GetAsync("/api/tasks")).StatusCode);
        }
        using (var s = await world.SignedInAsync("nurse.north"))
        {
            Assert.True(await users.SetPasswordAsync("nurse.north", WebWorld.Password, CancellationToken.None));
            Assert.Equal(HttpStatusCode.Unauthorized, (await s.Http.GetAsync("/api/tasks")).StatusCode);
        }
        using (var s = await world.SignedInAsync("nurse.north"))
        {
            Assert.True(await users.DisableAsync("nurse.north", CancellationToken.None));
            Assert.Equal(HttpStatusCode.Unauthorized, (await s.Http.GetAsync("/api/tasks")).StatusCode);
        }
        Assert.Equal(0, await world.Servers.DataSource.Count("SELECT count(*) FROM user_session WHERE revoked_at IS NULL"));
    }

    [IntegrationFact]
    public async Task A_session_ends_after_30_idle_minutes_and_12_hours_after_sign_in_whatever_the_activity()
    {
        using (var idle = await world.SignedInAsync("nurse.north"))
        {
            await world.Servers.DataSource.Count("UPDATE user_session SET last_seen_at = now() - interval '29 minutes'");
            Assert.Equal(HttpStatusCode.OK, (await idle.Http.GetAsync("/api/tasks")).StatusCode); // still within the idle timeout, and it slides
            await world.Servers.DataSource.Count("UPDATE user_session SET last_seen_at = now() - interval '31 minutes'");
            Assert.Equal(HttpStatusCode.Unauthorized, (await idle.Http.GetAsync("/api/tasks")).StatusCode);
        }
        using (var old = await world.SignedInAsync("nurse.south"))
        {
            await world.Servers.DataSource.Count(
                "UPDATE user_session SET expires_at = now() - interval '1 second' WHERE user_id = (SELECT id FROM app_user WHERE user_name = 'nurse.south')");
            Assert.Equal(HttpStatusCode.Unauthorized, (await old.Http.GetAsync("/api/tasks")).StatusCode);
        }
    }
}

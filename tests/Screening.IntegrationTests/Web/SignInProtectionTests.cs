using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Screening.App.Web.Auth;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

/// <summary>Lockout per account and throttling per client address (issue 16).</summary>
public sealed class SignInProtectionTests
{
    private static async Task<(HttpStatusCode Status, string Body)> TryAsync(WebSession s, string user, string password, string? forwardedFor = null)
    {
        if (s.CsrfToken is null) await s.GetAsync("/login");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
                { ["userName"] = user, ["password"] = password, ["__RequestVerificationToken"] = s.CsrfToken! }),
        };
        if (forwardedFor is not null) request.Headers.Add("X-Forwarded-For", forwardedFor);
        using var response = await s.Http.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    [IntegrationFact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_password_until_an_admin_unlocks_it()
    {
        await using var world = await WebWorld.StartAsync();
        using var s = new WebSession(world.Address);
        for (var i = 0; i < 5; i++)
        {
            var (status, body) = await TryAsync(s, "nurse.north", "wrong-password-" + i);
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Contains(System.Net.WebUtility.HtmlEncode(LoginEndpoints.Failed), body);
        }
        var (locked, lockedBody) = await TryAsync(s, "nurse.north", WebWorld.Password);
        Assert.Equal(HttpStatusCode.Unauthorized, locked);
        var (unknown, unknownBody) = await TryAsync(s, "nobody.at.all", "whatever-1");
        Assert.Equal(HttpStatusCode.Unauthorized, unknown);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(LoginEndpoints.Failed), lockedBody); // the same message for locked and unknown
        Assert.Contains(System.Net.WebUtility.HtmlEncode(LoginEndpoints.Failed), unknownBody);

        Assert.True(await world.Servers.DataSource.Scalar<bool>(
            "SELECT locked_until > now() + interval '14 minutes' FROM sign_in_lockout WHERE user_name = 'nurse.north'"));
        Assert.Equal(7, await world.Servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action = 'user.sign-in-failed'"));
        Assert.Equal(1, await world.Servers.DataSource.Count(
            "SELECT count(*) FROM audit_event WHERE action = 'user.sign-in-failed' AND (detail->>'locked')::boolean AND entity_id IS NOT NULL")); // the right password, refused

        Assert.True(await world.App.Services.GetRequiredService<UserDirectory>().UnlockAsync("nurse.north", CancellationToken.None));
        var (after, _) = await TryAsync(s, "nurse.north", WebWorld.Password);
        Assert.Equal(HttpStatusCode.Redirect, after);
    }

    [IntegrationFact]
    public async Task Sign_in_attempts_are_limited_per_client_address_taken_from_a_known_proxy()
    {
        await using var world = await WebWorld.StartAsync("--Web:SignInAttemptsPerMinute=3", "--Web:KnownProxies:0=127.0.0.1");
        using var s = new WebSession(world.Address);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await TryAsync(s, $"guess{i}", "x-password", "203.0.113.5")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryAsync(s, "guess9", "x-password", "203.0.113.5")).Status);
        Assert.Equal(HttpStatusCode.Unauthorized, (await TryAsync(s, "guess8", "x-password", "203.0.113.6")).Status); // another client behind the proxy
        Assert.Equal(1, await world.Servers.DataSource.Count(
            "SELECT count(*) FROM audit_event WHERE action = 'user.sign-in-failed' AND detail->>'client' = '203.0.113.6'"));
    }

    [IntegrationFact]
    public async Task Forwarded_addresses_from_an_unknown_proxy_are_ignored()
    {
        await using var world = await WebWorld.StartAsync("--Web:SignInAttemptsPerMinute=3", "--Web:KnownProxies:0=192.0.2.99");
        using var s = new WebSession(world.Address);
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Unauthorized, (await TryAsync(s, $"guess{i}", "x-password", $"203.0.113.{i}")).Status);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await TryAsync(s, "guess9", "x-password", "203.0.113.77")).Status);
        Assert.Equal(0, await world.Servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE detail->>'client' LIKE '203.%'"));
    }
}

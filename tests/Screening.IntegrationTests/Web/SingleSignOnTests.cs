using System.Net;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

/// <summary>OpenID Connect single sign-on against a provider started by the test (issue 16): code + PKCE, RS256 via JWKS.</summary>
public sealed class SingleSignOnTests
{
    private static string[] Sso(MiniOpenIdProvider op, params string[] more) =>
        [$"--Web:Oidc:Authority={op.Issuer}", $"--Web:Oidc:ClientId={MiniOpenIdProvider.ClientId}", $"--Web:Oidc:ClientSecret={MiniOpenIdProvider.ClientSecret}",
         "--Web:Oidc:RequireHttpsMetadata=false", .. more];

    /// <summary>Follows the redirects of a browser from /login/sso through the provider and back; returns the last response's status and location.</summary>
    private static async Task<(HttpStatusCode Status, string? Location)> SignInThroughProviderAsync(WebSession browser, string appAddress)
    {
        var next = new Uri(new Uri(appAddress), "/login/sso?returnUrl=%2Fdashboard");
        for (var hop = 0; hop < 5; hop++)
        {
            using var response = await browser.Http.GetAsync(next);
            if (response.StatusCode != HttpStatusCode.Redirect) return (response.StatusCode, null);
            var location = new Uri(next, response.Headers.Location!);
            if (location.AbsolutePath is "/dashboard" or "/login") return (response.StatusCode, location.PathAndQuery);
            if (location.AbsolutePath == "/authorize") Assert.Contains("code_challenge_method=S256", location.Query);
            next = location;
        }
        throw new InvalidOperationException("too many redirects");
    }

    [IntegrationFact]
    public async Task A_provider_user_signs_in_as_the_local_user_of_the_same_name_with_a_server_side_session()
    {
        await using var op = await MiniOpenIdProvider.StartAsync();
        op.Claims = new() { ["sub"] = "f81d4fae-7dec", ["preferred_username"] = "nurse.north", ["email"] = "north@hospital.example" };
        await using var world = await WebWorld.StartAsync(Sso(op));
        using var browser = new WebSession(world.Address);

        var (status, location) = await SignInThroughProviderAsync(browser, world.Address);
        Assert.Equal((HttpStatusCode.Redirect, "/dashboard"), (status, location));
        Assert.Equal(1, op.TokensIssued);
        var (ok, tasks) = await browser.GetAsync("/api/tasks");
        Assert.Equal(HttpStatusCode.OK, ok);
        Assert.Contains($"\"id\":{world.NorthTask}", tasks);
        Assert.DoesNotContain($"\"id\":{world.SouthTask}", tasks);
        Assert.Equal(1, await world.Servers.DataSource.Count("SELECT count(*) FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.user_name = 'nurse.north'"));
        Assert.Equal(1, await world.Servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action = 'user.sign-in' AND detail->>'method' = 'oidc'"));

        op.Claims["preferred_username"] = "not.a.worklist.user";
        using var stranger = new WebSession(world.Address);
        Assert.Equal((HttpStatusCode.Redirect, "/login?sso=failed"), await SignInThroughProviderAsync(stranger, world.Address));
        Assert.Equal(HttpStatusCode.Unauthorized, (await stranger.Http.GetAsync("/api/tasks")).StatusCode);
    }

    [IntegrationFact]
    public async Task Role_and_teams_can_come_from_the_providers_claims_and_local_passwords_can_be_switched_off()
    {
        await using var op = await MiniOpenIdProvider.StartAsync();
        op.Claims = new() { ["sub"] = "77", ["preferred_username"] = "dr.new", ["screening_role"] = "care-team", ["screening_teams"] = new[] { "south" } };
        await using var world = await WebWorld.StartAsync(Sso(op, "--Web:Oidc:RoleClaim=screening_role", "--Web:Oidc:TeamClaim=screening_teams",
            "--Web:LocalPasswords=false"));
        using var browser = new WebSession(world.Address);
        Assert.Equal((HttpStatusCode.Redirect, "/dashboard"), await SignInThroughProviderAsync(browser, world.Address));
        var (_, tasks) = await browser.GetAsync("/api/tasks");
        Assert.Contains($"\"id\":{world.SouthTask}", tasks);
        Assert.DoesNotContain($"\"id\":{world.NorthTask}", tasks);

        using var password = new WebSession(world.Address);
        var (_, page) = await password.GetAsync("/login");
        Assert.DoesNotContain("type=\"password\"", page);
        Assert.Contains("/login/sso", page);
        using var refused = await password.PostFormAsync("/login", new Dictionary<string, string> { ["userName"] = "nurse.north", ["password"] = WebWorld.Password });
        Assert.NotEqual(HttpStatusCode.Redirect, refused.StatusCode); // no form, no token, no password sign-in
        Assert.Equal(0, await world.Servers.DataSource.Count(
            "SELECT count(*) FROM user_session s JOIN app_user u ON u.id = s.user_id WHERE u.user_name = 'nurse.north'"));
    }

    [IntegrationFact]
    public async Task An_id_token_signed_with_a_key_the_provider_does_not_publish_is_refused()
    {
        await using var op = await MiniOpenIdProvider.StartAsync();
        op.Claims = new() { ["sub"] = "1", ["preferred_username"] = "nurse.north" };
        op.SignWithForeignKey = true;
        await using var world = await WebWorld.StartAsync(Sso(op));
        using var browser = new WebSession(world.Address);
        Assert.Equal((HttpStatusCode.Redirect, "/login?sso=failed"), await SignInThroughProviderAsync(browser, world.Address));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Http.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(0, await world.Servers.DataSource.Count("SELECT count(*) FROM user_session"));
    }
}

using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Screening.App.Web.Auth;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

/// <summary>Per-token records (issue 16): name, scopes, expiry (default 90 days), last use, revocation by id.</summary>
public sealed class TokenTests : IAsyncLifetime
{
    private WebWorld world = null!;
    public async Task InitializeAsync() => world = await WebWorld.StartAsync();
    public Task DisposeAsync() => world.DisposeAsync().AsTask();

    private HttpClient Api(string token)
    {
        var api = new HttpClient { BaseAddress = new Uri(world.Address) };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return api;
    }

    [IntegrationFact]
    public async Task A_read_token_reads_but_cannot_act_and_ends_when_revoked_by_id()
    {
        var users = world.App.Services.GetRequiredService<UserDirectory>();
        var token = await users.IssueTokenAsync("nurse.north", "report-bot", [TokenScopes.Read], TimeSpan.FromDays(30), CancellationToken.None);
        using var api = Api(token!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/tasks")).StatusCode);
        using (var act = await api.PostAsJsonAsync($"/api/tasks/{world.NorthTask}/start", new { }))
            Assert.Equal(HttpStatusCode.Forbidden, act.StatusCode);
        Assert.Equal("open", await world.Servers.DataSource.Scalar<string>("SELECT status FROM outreach_task WHERE id = $1", world.NorthTask));

        var (row, owner) = Assert.Single(await users.ListTokensAsync("nurse.north", CancellationToken.None));
        Assert.Equal(("report-bot", "nurse.north", "read"), (row.Name, owner, string.Join(",", row.Scopes)));
        Assert.InRange(row.ExpiresAt - row.CreatedAt, TimeSpan.FromDays(30) - TimeSpan.FromMinutes(1), TimeSpan.FromDays(30) + TimeSpan.FromMinutes(1));
        Assert.NotNull(row.LastUsedAt);

        Assert.True(await users.RevokeTokenAsync(row.Id, CancellationToken.None));
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/tasks")).StatusCode);
    }

    [IntegrationFact]
    public async Task A_token_lasts_90_days_by_default_and_is_refused_once_expired()
    {
        var users = world.App.Services.GetRequiredService<UserDirectory>();
        var token = await users.IssueTokenAsync("nurse.north", CancellationToken.None);
        Assert.Equal(90, await world.Servers.DataSource.Scalar<int>("SELECT round(extract(epoch FROM expires_at - created_at) / 86400)::int FROM api_token"));
        using var api = Api(token!);
        Assert.Equal(HttpStatusCode.OK, (await api.GetAsync("/api/tasks")).StatusCode);
        await world.Servers.DataSource.Count("UPDATE api_token SET expires_at = now() - interval '1 second'");
        Assert.Equal(HttpStatusCode.Unauthorized, (await api.GetAsync("/api/tasks")).StatusCode);
    }
}

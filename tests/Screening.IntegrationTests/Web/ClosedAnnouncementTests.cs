using System.Net;
using Microsoft.Extensions.Hosting;
using Screening.App.Hosting;
using Screening.App.Web.Auth;
using Screening.Data.Outreach;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

public sealed class ClosedAnnouncementTests : IAsyncLifetime
{
    private WebWorld world = null!;
    public async Task InitializeAsync() => world = await WebWorld.StartAsync();
    public Task DisposeAsync() => world.DisposeAsync().AsTask();

    [IntegrationFact]
    public async Task Dismissing_in_the_worklist_is_announced_on_RabbitMQ_as_OutreachTaskClosed_with_the_reason()
    {
        var probe = await RawAmqp.BindProbeQueueAsync(world.Servers.AmqpUrl, "Screening.Contracts:OutreachTaskClosed");
        using var s = await world.SignedInAsync("nurse.north");
        await s.GetAsync($"/patients/{world.NorthPatient}");
        using (var r = await s.PostFormAsync($"/tasks/{world.NorthTask}/dismiss", new Dictionary<string, string> { ["reason"] = "patient-declined" }))
            Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);

        using var host = await TestApp.StartAsync(world.Servers, HostRole.Database | HostRole.Publisher);
        await host.Get<TaskEventDispatcher>().DispatchPendingAsync(CancellationToken.None);
        var bodies = await Eventually.Get(() => RawAmqp.DrainAsync(world.Servers.AmqpUrl, probe), b => b.Count > 0, what: "OutreachTaskClosed");
        var closed = Assert.Single(bodies, b => System.Text.Json.JsonDocument.Parse(b).RootElement.GetProperty("message").GetProperty("taskId").GetInt64() == world.NorthTask);
        Assert.Equal("dismissed:patient-declined", System.Text.Json.JsonDocument.Parse(closed).RootElement.GetProperty("message").GetProperty("reason").GetString());
        Assert.DoesNotContain(WebWorld.NorthExternalId, closed);
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task Demo_users_are_created_once_and_can_sign_in()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = TestApp.Build(servers, HostRole.Database);
        Assert.Equal(DemoUsers.All.Length, await DemoUsers.EnsureAsync(host.Services, CancellationToken.None));
        Assert.Equal(0, await DemoUsers.EnsureAsync(host.Services, CancellationToken.None));
        var users = new UserDirectory(host.Get<Microsoft.EntityFrameworkCore.IDbContextFactory<Screening.Data.Platform.ScreeningDb>>());
        foreach (var (name, password, role, teams) in DemoUsers.All)
        {
            var user = await users.SignInAsync(name, password, CancellationToken.None);
            Assert.NotNull(user);
            Assert.Equal(role, user.Role);
            Assert.Equal(teams, user.Teams);
        }
    }
}

using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using Screening.App.Hosting;
using Screening.App.Web.Auth;
using Screening.Data.Ingest;
using Screening.IntegrationTests.Infrastructure;
using Screening.IntegrationTests.Web;
using static Screening.IntegrationTests.Infrastructure.Facts;

namespace Screening.IntegrationTests.Teams;

public sealed class QueueBrowserTests : IAsyncLifetime
{
    private WebWorld world = null!;
    public async Task InitializeAsync()
    {
        world = await TeamsWorld.StartAsync();
        using var host = TestApp.Build(world.Servers, HostRole.Database | HostRole.Rules | HostRole.Ingest);
        await host.Get<ClinicalRecordsIngest>().IngestAsync(new IngestBatch("test", "json", [Woman("LOST-1", team: "nroth")],
            [Hb("LOST-1", "L-1", 7.0m, "2025-06-01")], [], [], []), CancellationToken.None);
    }
    public Task DisposeAsync() => world.DisposeAsync().AsTask();

    [BrowserFact]
    public async Task A_coordinator_finds_the_unassigned_patient_with_the_reason_and_assigns_them_to_a_team_and_an_admin_adds_a_team()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var lost = await world.Servers.DataSource.Scalar<long>("SELECT patient_key FROM patient WHERE external_id = 'LOST-1'");

        var page = await browser.NewPageAsync();
        await SignInAsync(page, "coord");
        await page.ClickAsync("nav a[href='/queue']");
        await page.WaitForURLAsync("**/queue");
        Assert.Equal("1", await page.InnerTextAsync("#queue-total"));
        var row = page.Locator("#queue-assign tbody tr", new() { HasTextString = "unknown-team:nroth" });
        Assert.Contains("(urgent)", await row.InnerTextAsync());
        await row.Locator("input[type=checkbox]").CheckAsync();
        await page.SelectOptionAsync("#queue-assign select[name=team]", "north");
        await page.ClickAsync("#queue-assign button[value=selected]");
        await page.WaitForSelectorAsync("#queue-done");
        Assert.Contains("Assigned 1 patient(s) to north; 1 open task(s)", await page.InnerTextAsync("#queue-done"));
        Assert.Equal("0", await page.InnerTextAsync("#queue-total"));
        Assert.Equal("north", await world.Servers.DataSource.Scalar<string>("SELECT care_team FROM patient WHERE patient_key = $1", lost));

        var admin = await browser.NewPageAsync();
        await SignInAsync(admin, "admin");
        await admin.ClickAsync("nav a[href='/admin/teams']");
        await admin.FillAsync("#add-team input[name=id]", "renal");
        await admin.FillAsync("#add-team input[name=displayName]", "Renal clinic");
        await admin.ClickAsync("#add-team button[type=submit]");
        await admin.WaitForSelectorAsync("#admin-done");
        Assert.Contains("renal", await admin.InnerTextAsync("#teams"));
        Assert.Equal(1, await world.Servers.DataSource.Count("SELECT count(*) FROM audit_event WHERE action = 'team.add' AND actor = 'admin'"));
    }

    private async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync(world.Address + "/login");
        await page.FillAsync("input[name=userName]", user);
        await page.FillAsync("input[name=password]", WebWorld.Password);
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForURLAsync("**/worklist");
    }
}

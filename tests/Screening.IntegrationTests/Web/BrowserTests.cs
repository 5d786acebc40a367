using Microsoft.Playwright;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

public sealed class BrowserTests : IAsyncLifetime
{
    private WebWorld world = null!;
    public async Task InitializeAsync() => world = await WebWorld.StartAsync();
    public Task DisposeAsync() => world.DisposeAsync().AsTask();

    [BrowserFact]
    public async Task A_nurse_signs_in_opens_the_worklist_and_a_patient_and_completes_the_task_without_phi_in_urls_or_logs()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await HeadlessChromium.LaunchAsync(playwright);
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1280, Height = 900 } });
        var urls = new List<string>();
        page.Request += (_, request) => urls.Add(request.Url);

        await page.GotoAsync(world.Address + "/worklist");
        Assert.Contains("/login", page.Url);
        await page.FillAsync("input[name=userName]", "nurse.north");
        await page.FillAsync("input[name=password]", WebWorld.Password);
        await page.ClickAsync("#login button[type=submit]");
        await page.WaitForURLAsync("**/worklist");
        Assert.Contains("Worklist", await page.TitleAsync());

        await page.ClickAsync($"#worklist a[href^='/patients/{world.NorthPatient}#task-{world.NorthTask}']");
        await page.WaitForURLAsync($"**/patients/{world.NorthPatient}*");
        var card = page.Locator($"#task-{world.NorthTask}");
        Assert.Contains("persistent-anemia", await card.InnerTextAsync());
        Assert.True(await page.Locator("#evidence svg circle.evidence").CountAsync() >= 2, "the evidence points are marked on the chart");
        Assert.Contains(WebWorld.NorthExternalId, await page.InnerTextAsync(".facts"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("patient-page.png"), FullPage = true });

        await card.Locator("details.action summary", new() { HasTextString = "Complete" }).ClickAsync();
        await card.Locator("form[action$='/complete'] select[name=outcome]").SelectOptionAsync("appointment-scheduled");
        await card.Locator("form[action$='/complete'] input[name=note]").FillAsync("Booked with PCP next week");
        await card.Locator("form[action$='/complete'] button[type=submit]").ClickAsync();
        await page.WaitForSelectorAsync("#flash");
        Assert.Contains("completed", await page.InnerTextAsync("#flash"));
        Assert.Equal("completed", await world.Servers.DataSource.Scalar<string>("SELECT status FROM outreach_task WHERE id = $1", world.NorthTask));
        Assert.Contains("closed", await page.InnerTextAsync($"#task-{world.NorthTask} table.history"));
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Artifact("patient-page-completed.png"), FullPage = true });

        foreach (var secret in new[] { WebWorld.NorthExternalId, WebWorld.NorthBirthDate, "03/01/1961", "01/03/1961", "19610301" })
        {
            Assert.DoesNotContain(urls, u => u.Contains(secret, StringComparison.OrdinalIgnoreCase));
            Assert.DoesNotContain(secret, world.Logs.All, StringComparison.OrdinalIgnoreCase);
        }
        Assert.Contains(world.Logs.Lines, l => l.Contains("HTTP GET /patients/{patientKey:long} responded 200", StringComparison.Ordinal));
    }

    /// <summary>TestResults/ beside the test project (where `dotnet test` keeps its results), created if needed.</summary>
    private static string Artifact(string name)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Screening.IntegrationTests.csproj"))) dir = dir.Parent;
        var results = Path.Combine(dir?.FullName ?? AppContext.BaseDirectory, "TestResults");
        Directory.CreateDirectory(results);
        return Path.Combine(results, name);
    }
}

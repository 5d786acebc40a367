using Microsoft.Playwright;

namespace Screening.IntegrationTests.Web;

/// <summary>Debian's chromium, headless, for the browser tests (fails clearly when the CI image lacks it).</summary>
public static class HeadlessChromium
{
    public static async Task<IBrowser> LaunchAsync(IPlaywright playwright)
    {
        Assert.True(File.Exists(BrowserFactAttribute.Chromium), $"{BrowserFactAttribute.Chromium} is missing: the CI image must `apt-get install -y chromium`.");
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = BrowserFactAttribute.Chromium, Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
    }
}

using Screening.App.Hosting;
using Screening.App.Options;
using Screening.Data.Platform;

namespace Screening.App.Web;

/// <summary>Builds and starts the worklist web host: shared by `screening web` and the HTTP-level tests.</summary>
public static class WebApp
{
    public static WebApplicationBuilder CreateBuilder(string[] args, string urls, ScreeningSettings? settings = null)
    {
        var builder = ScreeningHost.CreateWebBuilder(args, HostRole.Database | HostRole.Rules, settings);
        builder.WebHost.UseUrls(urls);
        builder.Services.AddScreeningWeb(builder.Configuration);
        return builder;
    }

    /// <summary>Builds the app, applies migrations when configured, maps the worklist and starts listening.</summary>
    public static async Task<WebApplication> StartAsync(WebApplicationBuilder builder, CancellationToken ct)
    {
        var app = builder.Build();
        if (app.Services.GetRequiredService<ScreeningSettings>().Database.MigrateOnStart)
            await app.Services.GetRequiredService<MigrationRunner>().ApplyAsync(SqlMigration.Embedded(), ct);
        app.UseScreeningWeb();
        await app.StartAsync(ct);
        return app;
    }

    /// <summary>The address actually bound (useful with port 0).</summary>
    public static string Address(WebApplication app) =>
        app.Urls.FirstOrDefault() ?? throw new InvalidOperationException("The web host is not listening.");
}

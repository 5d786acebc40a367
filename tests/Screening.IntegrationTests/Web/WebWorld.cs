using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Screening.App.Hosting;
using Screening.App.Web;
using Screening.App.Web.Auth;
using Screening.Data.Ingest;
using Screening.Data.Screening;
using Screening.IntegrationTests.Infrastructure;
using static Screening.IntegrationTests.Infrastructure.Facts;

namespace Screening.IntegrationTests.Web;

/// <summary>
/// A test's own database and vhost, two screened patients (team north and team south, each with an open anemia task),
/// three users (nurse.north, nurse.south, admin) and the real worklist web host on an ephemeral port.
/// </summary>
public sealed class WebWorld : IAsyncDisposable
{
    public const string NorthExternalId = "MRN-PHI-7731";
    public const string NorthBirthDate = "1961-03-01";
    public const string Password = "correct-horse-42";
    public static readonly DateOnly AsOf = new(2025, 6, 30);

    public IsolatedServers Servers { get; private set; } = null!;
    public WebApplication App { get; private set; } = null!;
    public CapturedLogs Logs { get; } = new();
    public string Address { get; private set; } = "";
    public long NorthPatient { get; private set; }
    public long NorthTask { get; private set; }
    public long SouthPatient { get; private set; }
    public long SouthTask { get; private set; }

    /// <summary>Starts the world; <paramref name="args"/> are configuration overrides such as "--Web:SecureCookies=true".</summary>
    public static Task<WebWorld> StartAsync(params string[] args) => StartAtAsync("http://127.0.0.1:0", args);

    /// <summary>Starts the world listening on <paramref name="urls"/> (e.g. https://127.0.0.1:0 with a Kestrel certificate in args).</summary>
    public static async Task<WebWorld> StartAtAsync(string urls, params string[] args)
    {
        var world = new WebWorld { Servers = await IsolatedServers.CreateAsync() };
        await world.SeedAsync();
        var builder = WebApp.CreateBuilder(args, urls, world.Servers.Settings());
        builder.Logging.AddProvider(world.Logs);
        builder.Logging.SetMinimumLevel(LogLevel.Trace);
        world.App = await WebApp.StartAsync(builder, CancellationToken.None);
        world.Address = WebApp.Address(world.App);
        var users = world.App.Services.GetRequiredService<UserDirectory>();
        await users.AddAsync("nurse.north", "care-team", ["north"], Password, CancellationToken.None);
        await users.AddAsync("nurse.south", "care-team", ["south"], Password, CancellationToken.None);
        await users.AddAsync("admin", "admin", [], Password, CancellationToken.None);
        return world;
    }

    private async Task SeedAsync()
    {
        using (var host = TestApp.Build(Servers, HostRole.Database | HostRole.Rules | HostRole.Ingest))
        {
            var patients = new[] { Woman(NorthExternalId, 1961, "north"), Woman("MRN-SOUTH-1", 1970, "south") };
            await host.Get<ClinicalRecordsIngest>().IngestAsync(new IngestBatch("test", "json", patients,
                [Hb(NorthExternalId, "N-1", 10.9m, "2024-09-01"), Hb(NorthExternalId, "N-2", 10.6m, "2025-03-20"), Hb(NorthExternalId, "N-3", 12.8m, "2023-05-02"),
                 Hb("MRN-SOUTH-1", "S-1", 11.1m, "2024-09-03"), Hb("MRN-SOUTH-1", "S-2", 11.0m, "2025-03-22")], [], [], []), CancellationToken.None);
            await host.Get<PopulationScreen>().RunAsync(AsOf, "test", CancellationToken.None);
        }
        NorthPatient = await Servers.DataSource.Scalar<long>("SELECT patient_key FROM patient WHERE external_id = $1", NorthExternalId);
        SouthPatient = await Servers.DataSource.Scalar<long>("SELECT patient_key FROM patient WHERE external_id = 'MRN-SOUTH-1'");
        NorthTask = await Servers.DataSource.Scalar<long>("SELECT id FROM outreach_task WHERE patient_key = $1 AND rule_id = 'persistent-anemia'", NorthPatient);
        SouthTask = await Servers.DataSource.Scalar<long>("SELECT id FROM outreach_task WHERE patient_key = $1 AND rule_id = 'persistent-anemia'", SouthPatient);
        if (NorthTask == 0 || SouthTask == 0) throw new InvalidOperationException("seed did not open the anemia tasks");
    }

    public async Task<WebSession> SignedInAsync(string user)
    {
        var session = new WebSession(Address);
        await session.SignInAsync(user, Password);
        return session;
    }

    public Task<long> RowVersion(long taskId) => Servers.DataSource.Scalar<long>("SELECT xmin::text::bigint FROM outreach_task WHERE id = $1", taskId);

    public async ValueTask DisposeAsync()
    {
        if (App is not null) await App.DisposeAsync();
        if (Servers is not null) await Servers.DisposeAsync();
    }
}

using System.Net.Http.Headers;
using Npgsql;
using Screening.App.Options;

namespace Screening.IntegrationTests.Infrastructure;

/// <summary>
/// A test class's own PostgreSQL database (copied from the migrated template) and RabbitMQ vhost, so classes run
/// in parallel and leave nothing behind. Use as IClassFixture; a new one per class.
/// </summary>
public sealed class IsolatedServers : IAsyncLifetime, IAsyncDisposable
{
    /// <summary>Fresh servers for one test (when tests of a class must not see each other's patients).</summary>
    public static async Task<IsolatedServers> CreateAsync()
    {
        var servers = new IsolatedServers();
        await servers.InitializeAsync();
        return servers;
    }

    async ValueTask IAsyncDisposable.DisposeAsync() => await DisposeAsync();

    private readonly string id = "t" + Guid.NewGuid().ToString("N")[..12];
    public string ConnectionString { get; private set; } = "";
    public string AmqpUrl { get; private set; } = "";
    public NpgsqlDataSource DataSource { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        if (!ServerSettings.Configured)
        {
            if (ServerSettings.Required) throw new InvalidOperationException("SCREENING_DB and SCREENING_AMQP must be set (run ./test.sh).");
            return;
        }
        var template = await TemplateDatabase.EnsureAsync();
        var admin = new NpgsqlConnectionStringBuilder(ServerSettings.Database) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await TemplateDatabase.Exec(connection, $"CREATE DATABASE {id} TEMPLATE {template}");
        }
        ConnectionString = new NpgsqlConnectionStringBuilder(ServerSettings.Database) { Database = id }.ConnectionString;
        DataSource = new NpgsqlDataSourceBuilder(ConnectionString).Build();
        // The test world's care teams (a fresh database has only the unassigned queue; the demo seeds its teams from
        // seeds/attribution.json): tests ingest patients whose source declares these teams.
        await using (var teams = DataSource.CreateCommand(
            "INSERT INTO care_team (id, display_name, created_by) SELECT t, t, 'test' FROM unnest(ARRAY['north', 'south', 'east', 'west']) t ON CONFLICT DO NOTHING"))
            await teams.ExecuteNonQueryAsync();

        using var http = Management(out var user);
        (await http.PutAsync($"api/vhosts/{id}", null)).EnsureSuccessStatusCode();
        (await http.PutAsync($"api/permissions/{id}/{Uri.EscapeDataString(user)}",
            new StringContent("""{"configure":".*","write":".*","read":".*"}""", MediaTypeHeaderValue.Parse("application/json")))).EnsureSuccessStatusCode();
        var amqp = new UriBuilder(ServerSettings.Amqp!) { Path = "/" + id };
        AmqpUrl = amqp.Uri.ToString();
    }

    /// <summary>App settings pointing at this class's database and vhost (schedule as configured, rules from seeds).</summary>
    public ScreeningSettings Settings(Action<ScreeningSettings>? tweak = null)
    {
        var settings = new ScreeningSettings(
            new DatabaseOptions { ConnectionString = ConnectionString, MigrateOnStart = false },
            new RabbitMqOptions { Url = AmqpUrl, BatchMessageLimit = 50, BatchTimeLimitMs = 100 },
            new ScheduleOptions { Enabled = false, TimeZone = "America/New_York" },
            new RulesOptions());
        tweak?.Invoke(settings);
        return settings;
    }

    public async Task DisposeAsync()
    {
        if (!ServerSettings.Configured) return;
        if (DataSource is not null) await DataSource.DisposeAsync();
        NpgsqlConnection.ClearAllPools();
        var admin = new NpgsqlConnectionStringBuilder(ServerSettings.Database) { Pooling = false };
        await using (var connection = new NpgsqlConnection(admin.ConnectionString))
        {
            await connection.OpenAsync();
            await DropAsync(connection);
        }
        using var http = Management(out _);
        await http.DeleteAsync($"api/vhosts/{id}");
    }

    /// <summary>Drops this test's database; retried briefly because an autovacuum worker may still be in it.</summary>
    private async Task DropAsync(NpgsqlConnection connection)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await TemplateDatabase.Exec(connection, $"DROP DATABASE IF EXISTS {id} WITH (FORCE)");
                return;
            }
            catch (PostgresException) when (attempt < 20)
            {
                await Task.Delay(250);
            }
        }
    }

    /// <summary>Force-closes every AMQP connection of this class's vhost (the broker "goes away" for this test only).</summary>
    public async Task<int> CloseBrokerConnectionsAsync()
    {
        using var http = Management(out _);
        var json = await http.GetStringAsync($"api/vhosts/{id}/connections");
        var names = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray().Select(c => c.GetProperty("name").GetString()!).ToList();
        foreach (var name in names) await http.DeleteAsync($"api/connections/{Uri.EscapeDataString(name)}");
        return names.Count;
    }

    private static HttpClient Management(out string user)
    {
        var uri = new Uri(ServerSettings.Management);
        var parts = uri.UserInfo.Split(':', 2);
        user = Uri.UnescapeDataString(parts[0]);
        var http = new HttpClient { BaseAddress = new Uri($"{uri.Scheme}://{uri.Host}:{uri.Port}/") };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic",
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"{user}:{Uri.UnescapeDataString(parts.ElementAtOrDefault(1) ?? "")}")));
        return http;
    }
}

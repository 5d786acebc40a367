using Npgsql;
using Testcontainers.PostgreSql;

namespace Screening.FaultTests.Infrastructure;

/// <summary>The suite's own PostgreSQL 15 (screening/postgres:15) on a fixed loopback port; each scenario gets its own database.</summary>
public sealed class PostgresServer : IAsyncDisposable
{
    private readonly PostgreSqlContainer container;

    private PostgresServer(PostgreSqlContainer container, int port)
    {
        this.container = container;
        Port = port;
    }

    public int Port { get; }
    public string Id => container.Id;

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=screening;Password=screening;Database={database};SSL Mode=Disable;Timeout=5";

    public static async Task<PostgresServer> StartAsync()
    {
        var port = FreePort.Next();
        var container = new PostgreSqlBuilder()
            .WithImage(DockerEngine.PostgresImage)
            .WithUsername("screening").WithPassword("screening").WithDatabase("screening")
            .WithPortBinding(port, PostgreSqlBuilder.PostgreSqlPort)
            // The module turns durability off for speed; a suite about crashes needs it on (the later -c wins).
            .WithCommand("-c", "fsync=on", "-c", "full_page_writes=on", "-c", "synchronous_commit=on")
            .Build();
        var server = new PostgresServer(container, port);
        return await Starting.OrDisposeAsync(server, async () =>
        {
            await container.StartAsync();
            await server.WaitAcceptingAsync();
        });
    }

    public async Task CreateDatabaseAsync(string name)
    {
        await using var source = NpgsqlDataSource.Create(ConnectionString("screening"));
        await using var command = source.CreateCommand($"CREATE DATABASE \"{name}\"");
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>PostgreSQL's immediate shutdown (SIGQUIT: no checkpoint, crash recovery on the next start).</summary>
    public async Task StopImmediatelyAsync()
    {
        await DockerEngine.KillAsync(Id, "QUIT");
        await DockerEngine.WaitExitedAsync(Id);
        NpgsqlConnection.ClearAllPools();
    }

    public async Task RestartAsync()
    {
        await DockerEngine.StartAsync(Id);
        await WaitAcceptingAsync();
    }

    public Task WaitAcceptingAsync() => Eventually.Until(async () =>
    {
        await using var connection = new NpgsqlConnection(ConnectionString("screening"));
        await connection.OpenAsync();
        return true;
    }, TimeSpan.FromSeconds(120), "PostgreSQL accepting connections");

    public async ValueTask DisposeAsync() => await container.DisposeAsync();
}

using Npgsql;
using Testcontainers.PostgreSql;

namespace Screening.FaultTests.Infrastructure;

/// <summary>The test's own PostgreSQL 15 (screening/postgres:15) on a fixed loopback port; counts and faults.</summary>
public sealed class Database : IAsyncDisposable
{
    private readonly PostgreSqlContainer container;

    private Database(PostgreSqlContainer container, int port)
    {
        this.container = container;
        Port = port;
        ConnectionString = $"Host=127.0.0.1;Port={port};Username=screening;Password=screening;Database=screening;SSL Mode=Disable;Timeout=5";
        DataSource = NpgsqlDataSource.Create(ConnectionString);
    }

    public int Port { get; }
    public string Id => container.Id;
    public string ConnectionString { get; }
    public NpgsqlDataSource DataSource { get; }

    public static async Task<Database> StartAsync()
    {
        var port = FreePort.Next();
        var container = new PostgreSqlBuilder()
            .WithImage(DockerEngine.PostgresImage)
            .WithUsername("screening").WithPassword("screening").WithDatabase("screening")
            .WithPortBinding(port, PostgreSqlBuilder.PostgreSqlPort)
            // The module turns durability off for speed; a suite about crashes needs it on (later -c wins).
            .WithCommand("-c", "fsync=on", "-c", "full_page_writes=on", "-c", "synchronous_commit=on")
            .Build();
        var database = new Database(container, port);
        try
        {
            await container.StartAsync();
            await database.WaitAcceptingAsync();
            return database;
        }
        catch
        {
            await database.DisposeAsync();
            throw;
        }
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
        await using var connection = await DataSource.OpenConnectionAsync();
        return true;
    }, TimeSpan.FromSeconds(90), "PostgreSQL accepting connections");

    public async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public async ValueTask DisposeAsync()
    {
        await DataSource.DisposeAsync();
        await container.DisposeAsync();
    }
}

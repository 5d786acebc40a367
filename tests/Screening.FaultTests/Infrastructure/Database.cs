using Npgsql;

namespace Screening.FaultTests.Infrastructure;

/// <summary>One scenario's database on the suite's PostgreSQL: its connection string, counts, and the server's faults.</summary>
public sealed class Database(PostgresServer server, string name) : IAsyncDisposable
{
    public PostgresServer Server { get; } = server;
    public string ConnectionString { get; } = server.ConnectionString(name);
    public NpgsqlDataSource DataSource { get; } = NpgsqlDataSource.Create(server.ConnectionString(name));

    public async Task<long> CountAsync(string sql)
    {
        await using var command = DataSource.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync());
    }

    public ValueTask DisposeAsync() => DataSource.DisposeAsync();
}

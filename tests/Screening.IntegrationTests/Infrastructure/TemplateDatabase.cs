using Npgsql;
using Screening.Data.Platform;

namespace Screening.IntegrationTests.Infrastructure;

/// <summary>
/// One migrated template database per set of migrations (named by their checksums), built once under an advisory
/// lock so parallel test processes don't race; test classes copy it with CREATE DATABASE … TEMPLATE (≈0.3 s).
/// </summary>
public static class TemplateDatabase
{
    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static string? name;

    public static async Task<string> EnsureAsync()
    {
        if (name is not null) return name;
        await Gate.WaitAsync();
        try
        {
            if (name is not null) return name;
            var migrations = SqlMigration.Embedded();
            var hash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(string.Join("|", migrations.Select(m => m.Checksum)))))[..12];
            var template = $"screening_test_template_{hash}";
            var admin = new NpgsqlConnectionStringBuilder(ServerSettings.Database) { Pooling = false };
            await using (var connection = new NpgsqlConnection(admin.ConnectionString))
            {
                await connection.OpenAsync();
                await Exec(connection, "SELECT pg_advisory_lock(424242)");
                try
                {
                    if (!await ExistsAsync(connection, template))
                    {
                        await Exec(connection, $"CREATE DATABASE {template}_building");
                        var target = new NpgsqlConnectionStringBuilder(admin.ConnectionString) { Database = $"{template}_building", Pooling = false };
                        await using (var source = new NpgsqlDataSourceBuilder(target.ConnectionString).Build())
                            await new MigrationRunner(source, Microsoft.Extensions.Logging.Abstractions.NullLogger<MigrationRunner>.Instance).ApplyAsync(migrations);
                        await Exec(connection, $"ALTER DATABASE {template}_building RENAME TO {template}");
                    }
                }
                finally
                {
                    await Exec(connection, "SELECT pg_advisory_unlock(424242)");
                }
            }
            return name = template;
        }
        finally
        {
            Gate.Release();
        }
    }

    private static async Task<bool> ExistsAsync(NpgsqlConnection connection, string database)
    {
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = $1", connection);
        cmd.Parameters.AddWithValue(database);
        if ((long)(await cmd.ExecuteScalarAsync())! > 0) return true;
        await Exec(connection, $"DROP DATABASE IF EXISTS {database}_building WITH (FORCE)");
        return false;
    }

    internal static async Task Exec(NpgsqlConnection connection, string sql)
    {
        await using var cmd = new NpgsqlCommand(sql, connection);
        await cmd.ExecuteNonQueryAsync();
    }
}

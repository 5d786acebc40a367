using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Screening.Data.Platform;

/// <summary>
/// Applies numbered SQL migrations with a journal (version, name, checksum, applied_at, execution_ms), under a
/// PostgreSQL advisory lock so concurrent starts are safe, one transaction per file. Refuses edited files.
/// </summary>
public sealed class MigrationRunner(NpgsqlDataSource dataSource, ILogger<MigrationRunner> logger)
{
    /// <summary>Advisory lock key shared by every process migrating this database ("SCRNMIGR").</summary>
    private const long LockKey = 0x53_43_52_4E_4D_49_47_52;

    public async Task<IReadOnlyList<SqlMigration>> ApplyAsync(IReadOnlyList<SqlMigration> migrations, CancellationToken ct = default)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await Execute(connection, $"SELECT pg_advisory_lock({LockKey})", ct);
        try
        {
            await Execute(connection, """
                CREATE TABLE IF NOT EXISTS schema_migration (
                    version      integer     PRIMARY KEY,
                    name         text        NOT NULL,
                    checksum     text        NOT NULL,
                    applied_at   timestamptz NOT NULL DEFAULT now(),
                    execution_ms bigint      NOT NULL)
                """, ct);
            var applied = await AppliedAsync(connection, ct);
            var done = new List<SqlMigration>();
            foreach (var migration in migrations.OrderBy(m => m.Version))
            {
                if (applied.TryGetValue(migration.Version, out var checksum))
                {
                    if (checksum != migration.Checksum) throw new MigrationChecksumMismatchException(migration, checksum);
                    continue;
                }
                await ApplyOneAsync(connection, migration, ct);
                done.Add(migration);
            }
            return done;
        }
        finally
        {
            await Execute(connection, $"SELECT pg_advisory_unlock({LockKey})", CancellationToken.None);
        }
    }

    private async Task ApplyOneAsync(NpgsqlConnection connection, SqlMigration migration, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var tx = migration.InTransaction ? await connection.BeginTransactionAsync(ct) : null;
        await using (var command = new NpgsqlCommand(migration.Sql, connection, tx) { CommandTimeout = 0 })
            await command.ExecuteNonQueryAsync(ct);
        await using (var journal = new NpgsqlCommand(
            "INSERT INTO schema_migration (version, name, checksum, execution_ms) VALUES ($1, $2, $3, $4)", connection, tx))
        {
            journal.Parameters.AddWithValue(migration.Version);
            journal.Parameters.AddWithValue(migration.Name);
            journal.Parameters.AddWithValue(migration.Checksum);
            journal.Parameters.AddWithValue(clock.ElapsedMilliseconds);
            await journal.ExecuteNonQueryAsync(ct);
        }
        if (tx is not null) await tx.CommitAsync(ct);
        logger.LogInformation("Applied migration V{Version:0000}__{Name} in {ElapsedMs} ms", migration.Version, migration.Name, clock.ElapsedMilliseconds);
    }

    private static async Task<Dictionary<int, string>> AppliedAsync(NpgsqlConnection connection, CancellationToken ct)
    {
        var applied = new Dictionary<int, string>();
        await using var command = new NpgsqlCommand("SELECT version, checksum FROM schema_migration", connection);
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) applied[reader.GetInt32(0)] = reader.GetString(1);
        return applied;
    }

    private static async Task Execute(NpgsqlConnection connection, string sql, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync(ct);
    }
}

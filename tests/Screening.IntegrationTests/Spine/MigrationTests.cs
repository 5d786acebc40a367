using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Screening.Data.Platform;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Spine;

public sealed class MigrationTests(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    private MigrationRunner Runner => new(servers.DataSource, NullLogger<MigrationRunner>.Instance);

    [IntegrationFact]
    public async Task Migrating_an_up_to_date_database_again_applies_nothing()
    {
        Assert.Empty(await Runner.ApplyAsync(SqlMigration.Embedded()));
        Assert.Empty(await Runner.ApplyAsync(SqlMigration.Embedded()));
        Assert.Equal(SqlMigration.Embedded().Count, await servers.DataSource.Count("SELECT count(*) FROM schema_migration"));
    }

    [IntegrationFact]
    public async Task An_applied_migration_that_was_edited_is_refused_with_a_clear_error()
    {
        var tampered = SqlMigration.Embedded().Select(m => m.Version == 1 ? m with { Sql = m.Sql + "\n-- edited later\n" } : m).ToList();
        var error = await Assert.ThrowsAsync<MigrationChecksumMismatchException>(() => Runner.ApplyAsync(tampered));
        Assert.Contains("V0001__core_schema was edited after it was applied", error.Message);
    }

    [IntegrationFact]
    public async Task A_new_migration_is_applied_once_in_its_own_transaction_and_journaled()
    {
        var next = SqlMigration.Embedded().Append(new SqlMigration(9001, "probe", "CREATE TABLE probe_table (id int)")).ToList();
        Assert.Single(await Runner.ApplyAsync(next));
        Assert.Empty(await Runner.ApplyAsync(next));
        var broken = next.Append(new SqlMigration(9002, "broken", "CREATE TABLE half_done (id int); SELECT no_such_function();")).ToList();
        await Assert.ThrowsAnyAsync<Npgsql.PostgresException>(() => Runner.ApplyAsync(broken));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM information_schema.tables WHERE table_name = 'half_done'"));
        Assert.Equal(0, await servers.DataSource.Count("SELECT count(*) FROM schema_migration WHERE version = 9002"));
    }

    [IntegrationFact]
    public async Task The_EF_model_matches_the_migrated_schema_column_by_column()
    {
        await using var db = new ScreeningDb(new DbContextOptionsBuilder<ScreeningDb>().UseNpgsql(servers.DataSource).Options);
        var missing = new List<string>();
        foreach (var entity in db.Model.GetEntityTypes())
        {
            var table = entity.GetTableName()!;
            foreach (var property in entity.GetProperties())
            {
                var column = property.GetColumnName();
                if (column == "xmin") continue;
                var found = await servers.DataSource.Count(
                    "SELECT count(*) FROM information_schema.columns WHERE table_name = $1 AND column_name = $2", table, column);
                if (found == 0) missing.Add($"{table}.{column}");
            }
            Assert.True(await servers.DataSource.Count("SELECT count(*) FROM information_schema.tables WHERE table_name = $1", table) == 1, $"table {table}");
        }
        Assert.Empty(missing);
        Assert.Equal(0, await db.Patients.CountAsync());
        Assert.Equal(0, await db.OutreachTasks.CountAsync());
    }
}

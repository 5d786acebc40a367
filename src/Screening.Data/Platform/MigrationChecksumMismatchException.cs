namespace Screening.Data.Platform;

/// <summary>An already applied migration file was edited: refused, because the database no longer matches it.</summary>
public sealed class MigrationChecksumMismatchException(SqlMigration migration, string appliedChecksum)
    : Exception($"Migration V{migration.Version:0000}__{migration.Name} was edited after it was applied " +
                $"(applied checksum {appliedChecksum[..12]}…, file checksum {migration.Checksum[..12]}…). " +
                "Applied migrations must never change: restore the file and add a new numbered migration instead.")
{
    public SqlMigration Migration { get; } = migration;
}

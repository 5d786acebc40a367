using Npgsql;

namespace Screening.App.Options;

/// <summary>PostgreSQL connection. The connection string (a secret) comes only from the environment: SCREENING_DB.</summary>
public sealed class DatabaseOptions
{
    public const string EnvironmentVariable = "SCREENING_DB";
    public string? ConnectionString { get; set; }
    /// <summary>Apply pending migrations when a worker starts (safe: advisory lock, checksums).</summary>
    public bool MigrateOnStart { get; set; } = true;

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            yield return $"{EnvironmentVariable} is not set: export a PostgreSQL connection string, e.g. " +
                         "'Host=127.0.0.1;Port=5432;Username=screening;Password=…;Database=screening' (infra/services.sh env prints one).";
            yield break;
        }
        string? error = null;
        try { _ = new NpgsqlConnectionStringBuilder(ConnectionString); }
        catch (ArgumentException ex) { error = ex.Message; }
        if (error is not null) yield return $"{EnvironmentVariable} is not a valid Npgsql connection string: {error}";
    }
}

using Microsoft.EntityFrameworkCore;
using Npgsql;
using Screening.App.Options;
using Screening.Data.Platform;
using Screening.Data.Ingest;

namespace Screening.App.Hosting;

public static class DatabaseSetup
{
    /// <summary>
    /// One NpgsqlDataSource for raw SQL/COPY paths and a pooled EF Core context factory on top of it; the ingest has its own
    /// pool (<see cref="IngestConnections"/>: index-probe plans, prepared statements).
    /// </summary>
    public static IServiceCollection AddScreeningDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        var dataSource = new NpgsqlDataSourceBuilder(options.ConnectionString).Build();
        services.AddSingleton(dataSource);
        // Built by the container, so the host's shutdown closes its pool.
        services.AddSingleton(_ => IngestConnections.For(options.ConnectionString!));
        services.AddSingleton(options);
        services.AddPooledDbContextFactory<ScreeningDb>(o => o.UseNpgsql(dataSource));
        services.AddSingleton<MigrationRunner>();
        return services;
    }
}

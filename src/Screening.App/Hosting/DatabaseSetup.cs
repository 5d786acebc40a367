using Microsoft.EntityFrameworkCore;
using Npgsql;
using Screening.App.Options;
using Screening.Data;
using Screening.Data.Migrations;

namespace Screening.App.Hosting;

public static class DatabaseSetup
{
    /// <summary>One NpgsqlDataSource for raw SQL/COPY paths and a pooled EF Core context factory on top of it.</summary>
    public static IServiceCollection AddScreeningDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        var dataSource = new NpgsqlDataSourceBuilder(options.ConnectionString).Build();
        services.AddSingleton(dataSource);
        services.AddSingleton(options);
        services.AddPooledDbContextFactory<ScreeningDb>(o => o.UseNpgsql(dataSource));
        services.AddSingleton<MigrationRunner>();
        return services;
    }
}

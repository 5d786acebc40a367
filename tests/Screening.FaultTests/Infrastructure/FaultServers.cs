namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// The suite's PostgreSQL and RabbitMQ containers, started once (in parallel) for all scenarios, which run one at a
/// time and each use their own database and vhost. A scenario that kills a server starts it again before it ends.
/// Removed in DisposeAsync (no Ryuk reaper here).
/// </summary>
public sealed class FaultServers : IAsyncLifetime
{
    private Task<PostgresServer>? postgres;
    private Task<RabbitServer>? rabbit;

    public PostgresServer Postgres => postgres!.GetAwaiter().GetResult();
    public RabbitServer Rabbit => rabbit!.GetAwaiter().GetResult();

    public async Task InitializeAsync()
    {
        DockerEngine.EnsureAvailable();
        postgres = PostgresServer.StartAsync();
        rabbit = RabbitServer.StartAsync();
        try { await Task.WhenAll(postgres, rabbit); }
        catch (Exception)
        {
            // Reported by the first scenario that uses them; DisposeAsync removes what did start.
        }
    }

    /// <summary>Both servers up again (after a scenario's fault), or the reason they are not.</summary>
    public async Task EnsureUpAsync()
    {
        await Task.WhenAll(postgres!, rabbit!);
        await Task.WhenAll(Postgres.WaitAcceptingAsync(), Rabbit.WaitAcceptingAsync());
    }

    public async Task DisposeAsync()
    {
        if (postgres is { IsCompletedSuccessfully: true }) await postgres.Result.DisposeAsync();
        if (rabbit is { IsCompletedSuccessfully: true }) await rabbit.Result.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class FaultCollection : ICollectionFixture<FaultServers>
{
    public const string Name = "faults";
}

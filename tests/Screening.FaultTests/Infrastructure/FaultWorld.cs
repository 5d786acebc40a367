namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// One scenario's world: its own database and vhost on the suite's servers, and the workers it starts. Disposing
/// kills the workers; the database and vhost stay until the containers are removed at the end of the suite.
/// </summary>
public sealed class FaultWorld : IAsyncDisposable
{
    private readonly List<WorkerProcess> workers = [];

    private FaultWorld(Database database, Broker broker)
    {
        Database = database;
        Broker = broker;
    }

    public Database Database { get; }
    public Broker Broker { get; }

    public static async Task<FaultWorld> StartAsync(FaultServers servers)
    {
        DockerEngine.EnsureAvailable();
        await servers.EnsureUpAsync();
        var name = "f_" + Guid.NewGuid().ToString("N")[..12];
        await Task.WhenAll(servers.Postgres.CreateDatabaseAsync(name), servers.Rabbit.CreateVhostAsync(name));
        return new FaultWorld(new Database(servers.Postgres, name), new Broker(servers.Rabbit, name));
    }

    public async Task<WorkerProcess> StartWorkerAsync(string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var worker = await WorkerProcess.StartAsync(Database, Broker, name, settings);
        workers.Add(worker);
        return worker;
    }

    public RawPublisher Publisher(string exchange = "screening.results") => new(Broker.AmqpUrl, exchange);

    public async ValueTask DisposeAsync()
    {
        foreach (var worker in workers) await worker.DisposeAsync();
        await Database.DisposeAsync();
    }
}

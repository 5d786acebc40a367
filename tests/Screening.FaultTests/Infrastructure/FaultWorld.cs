namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// One scenario's world: its own PostgreSQL and RabbitMQ containers (started in parallel) and the workers it starts.
/// Disposing kills the workers and removes the containers (no Ryuk reaper here).
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

    public static async Task<FaultWorld> StartAsync()
    {
        DockerEngine.EnsureAvailable();
        var database = Database.StartAsync();
        var broker = Broker.StartAsync();
        try
        {
            await Task.WhenAll(database, broker);
        }
        catch
        {
            if (database.IsCompletedSuccessfully) await database.Result.DisposeAsync();
            if (broker.IsCompletedSuccessfully) await broker.Result.DisposeAsync();
            throw;
        }
        return new FaultWorld(database.Result, broker.Result);
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
        await Task.WhenAll(Database.DisposeAsync().AsTask(), Broker.DisposeAsync().AsTask());
    }
}

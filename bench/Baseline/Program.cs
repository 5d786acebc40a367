using System.Diagnostics;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using RabbitMQ.Client;
using RabbitMQ.Client.Events;
using Screening.App.Demo;
using Screening.Contracts;

// The hardware's limit, measured with the same generated data as the pipeline (bench/run.sh):
//   baseline copy   --db CS   [--patients N] [--results-per-patient R] [--max-rows M] [--pk-only]
//   baseline rabbit --amqp URL [--patients N] [--results-per-patient R] [--patients-per-message P] [--max-messages K]
//   baseline rabbit-small --amqp URL [--messages K]
// Inputs are generated and serialised BEFORE the clock starts: only the database / the broker is timed.
// Each prints one machine-readable line ("copy: ...", "rabbit: ...", "rabbit-small: ...") on stdout.
var argv = args.Skip(1).ToArray();
string Arg(string name, string fallback)
{
    var i = Array.IndexOf(argv, name);
    return i >= 0 && i + 1 < argv.Length ? argv[i + 1] : fallback;
}
var patients = int.Parse(Arg("--patients", "100000"), CultureInfo.InvariantCulture);
var perPatient = int.Parse(Arg("--results-per-patient", "10"), CultureInfo.InvariantCulture);
var population = new SyntheticPopulation(20261121, new DateOnly(2026, 11, 1), perPatient);

switch (args.FirstOrDefault())
{
    case "copy": await CopyAsync(Arg("--db", Environment.GetEnvironmentVariable("SCREENING_DB") ?? ""), long.Parse(Arg("--max-rows", "3000000"), CultureInfo.InvariantCulture), argv.Contains("--pk-only")); break;
    case "rabbit": await RabbitAsync(Arg("--amqp", Environment.GetEnvironmentVariable("SCREENING_AMQP") ?? ""), int.Parse(Arg("--patients-per-message", "100"), CultureInfo.InvariantCulture), int.Parse(Arg("--max-messages", "3000"), CultureInfo.InvariantCulture)); break;
    case "rabbit-small": await RabbitSmallAsync(Arg("--amqp", Environment.GetEnvironmentVariable("SCREENING_AMQP") ?? ""), int.Parse(Arg("--messages", "100000"), CultureInfo.InvariantCulture)); break;
    case "generate":
        {
            var clock = Stopwatch.StartNew();
            long n = 0;
            for (var first = 0; first < patients; first += 100) n += population.Batch(first, Math.Min(100, patients - first)).Results.Count;
            var gen = clock.Elapsed.TotalSeconds;
            clock.Restart();
            var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
            long bytes = 0;
            for (var first = 0; first < patients; first += 100) bytes += JsonSerializer.SerializeToUtf8Bytes(population.Batch(first, Math.Min(100, patients - first)), json).Length;
            Console.WriteLine(FormattableString.Invariant($"generate: results={n} generate_s={gen:0.000} generate_and_serialize_s={clock.Elapsed.TotalSeconds:0.000} bytes={bytes}"));
            break;
        }
    default: Console.Error.WriteLine("usage: baseline copy|rabbit|rabbit-small [options] (see Program.cs)"); return 2;
}
return 0;

async Task CopyAsync(string cs, long maxRows, bool pkOnly)
{
    // Rows as lab_result stores them (hash computed up front), for the first patients up to maxRows.
    var rows = new List<(long Pk, LabResultReported R, string Hash)>();
    for (var i = 0; i < patients && rows.Count < maxRows; i++)
        foreach (var r in population.Patient(i).Results)
            rows.Add((i + 1, r, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(r.ResultId + r.Value + r.CollectedAt)))[..32]));

    await using var ds = new NpgsqlDataSourceBuilder(cs).Build();
    // Same columns and, by default, the same indexes as lab_result (unique content key, current-version and
    // per-patient indexes); --pk-only keeps just the identity primary key (the raw write limit, for reference).
    await using (var setup = ds.CreateCommand(pkOnly
        ? "DROP TABLE IF EXISTS baseline_lab_result; CREATE TABLE baseline_lab_result (LIKE lab_result INCLUDING DEFAULTS INCLUDING IDENTITY, PRIMARY KEY (id));"
        : "DROP TABLE IF EXISTS baseline_lab_result; CREATE TABLE baseline_lab_result (LIKE lab_result INCLUDING ALL);"))
        await setup.ExecuteNonQueryAsync();

    var clock = Stopwatch.StartNew();
    await using (var c = await ds.OpenConnectionAsync())
    await using (var w = await c.BeginBinaryImportAsync("""
        COPY baseline_lab_result (patient_key, source_system, result_id, content_hash, loinc, analyte, value, unit, canonical_value,
                                  canonical_unit, collected_at, collected_on, status, encounter_class, is_current) FROM STDIN (FORMAT BINARY)
        """))
    {
        foreach (var (pk, r, hash) in rows)
        {
            await w.StartRowAsync();
            await w.WriteAsync(pk, NpgsqlDbType.Bigint);
            await w.WriteAsync(r.SourceSystem, NpgsqlDbType.Text);
            await w.WriteAsync(r.ResultId, NpgsqlDbType.Text);
            await w.WriteAsync(hash, NpgsqlDbType.Text);
            await w.WriteAsync(r.Loinc, NpgsqlDbType.Text);
            await w.WriteAsync(r.Loinc, NpgsqlDbType.Text);
            await w.WriteAsync(r.Value ?? 0m, NpgsqlDbType.Numeric);
            await w.WriteAsync(r.Unit ?? "", NpgsqlDbType.Text);
            await w.WriteAsync(r.Value ?? 0m, NpgsqlDbType.Numeric);
            await w.WriteAsync(r.Unit ?? "", NpgsqlDbType.Text);
            await w.WriteAsync(r.CollectedAt!.Value.ToUniversalTime(), NpgsqlDbType.TimestampTz);
            await w.WriteAsync(DateOnly.FromDateTime(r.CollectedAt.Value.DateTime), NpgsqlDbType.Date);
            await w.WriteAsync(r.Status, NpgsqlDbType.Text);
            await w.WriteAsync(r.EncounterClass ?? "outpatient", NpgsqlDbType.Text);
            await w.WriteAsync(true, NpgsqlDbType.Boolean);
        }
        await w.CompleteAsync();
    }
    var seconds = clock.Elapsed.TotalSeconds;
    await using (var drop = ds.CreateCommand("DROP TABLE baseline_lab_result")) await drop.ExecuteNonQueryAsync();
    Console.WriteLine(FormattableString.Invariant($"copy: indexes={(pkOnly ? "pk" : "lab_result")} rows={rows.Count} seconds={seconds:0.000} rows_per_s={rows.Count / seconds:0}"));
}

async Task RabbitAsync(string amqp, int perMessage, int maxMessages)
{
    var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
    var bodies = new List<(byte[] Body, int Results)>();
    for (var first = 0; first < patients && bodies.Count < maxMessages; first += perMessage)
    {
        var batch = population.Batch(first, Math.Min(perMessage, patients - first));
        bodies.Add((JsonSerializer.SerializeToUtf8Bytes(batch, json), batch.Results.Count));
    }
    var (seconds, _) = await PublishConsumeAsync(amqp, "bench.baseline.records", bodies.Select(b => b.Body).ToList());
    var results = bodies.Sum(b => (long)b.Results);
    Console.WriteLine(FormattableString.Invariant(
        $"rabbit: messages={bodies.Count} results={results} bytes={bodies.Sum(b => (long)b.Body.Length)} seconds={seconds:0.000} msgs_per_s={bodies.Count / seconds:0} results_per_s={results / seconds:0}"));
}

async Task RabbitSmallAsync(string amqp, int messages)
{
    var json = new JsonSerializerOptions(JsonSerializerDefaults.Web);
    var bodies = new List<byte[]>(messages);
    for (var i = 0; bodies.Count < messages; i++)
        foreach (var r in population.Patient(i).Results)
            if (bodies.Count < messages) bodies.Add(JsonSerializer.SerializeToUtf8Bytes(r, json));
    var (seconds, _) = await PublishConsumeAsync(amqp, "bench.baseline.results", bodies);
    Console.WriteLine(FormattableString.Invariant($"rabbit-small: messages={bodies.Count} seconds={seconds:0.000} msgs_per_s={bodies.Count / seconds:0}"));
}

// Publishes every body to a durable quorum queue with publisher confirms (a window of outstanding confirms) while a
// consumer on its own connection acks them; timed from the first publish to the last ack.
static async Task<(double Seconds, long Consumed)> PublishConsumeAsync(string amqp, string queue, List<byte[]> bodies)
{
    var factory = new ConnectionFactory { Uri = new Uri(amqp) };
    await using var consumerConnection = await factory.CreateConnectionAsync();
    await using var publisherConnection = await factory.CreateConnectionAsync();
    await using var consumerChannel = await consumerConnection.CreateChannelAsync();
    var args = new Dictionary<string, object?> { ["x-queue-type"] = "quorum" };
    await consumerChannel.QueueDeleteAsync(queue);
    await consumerChannel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: args);
    await consumerChannel.BasicQosAsync(0, 500, false);

    long consumed = 0;
    var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
    var consumer = new AsyncEventingBasicConsumer(consumerChannel);
    consumer.ReceivedAsync += async (_, ea) =>
    {
        await consumerChannel.BasicAckAsync(ea.DeliveryTag, multiple: false);
        if (Interlocked.Increment(ref consumed) == bodies.Count) done.TrySetResult();
    };
    await consumerChannel.BasicConsumeAsync(queue, autoAck: false, consumer);

    await using var channel = await publisherConnection.CreateChannelAsync(
        new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true));
    var props = new BasicProperties { DeliveryMode = DeliveryModes.Persistent, ContentType = "application/json" };
    var clock = Stopwatch.StartNew();
    var window = new Queue<ValueTask>();
    foreach (var body in bodies)
    {
        window.Enqueue(channel.BasicPublishAsync("", queue, mandatory: false, props, body));
        if (window.Count >= 256) await window.Dequeue();
    }
    while (window.Count > 0) await window.Dequeue();
    await done.Task.WaitAsync(TimeSpan.FromMinutes(10));
    var seconds = clock.Elapsed.TotalSeconds;
    await consumerChannel.QueueDeleteAsync(queue);
    return (seconds, Interlocked.Read(ref consumed));
}

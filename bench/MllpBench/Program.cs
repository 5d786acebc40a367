using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;
using System.Text;
using RabbitMQ.Client;
using Screening.Interop.Mllp;

// mllpbench --port P --amqp URL [--messages N] [--connections C]
// 1. amqp: C publishers, each publishing its share of the N ORU^R01 bodies to the screening.hl7v2 exchange one at a
//    time, waiting for each publisher confirm (what an ACK-per-message sender gets from the broker itself).
// 2. mllp: C MLLP connections to the listener, each sending its share one at a time and waiting for each ACK (the
//    listener answers only after its own publisher confirm). Bodies are built before the clock starts; the queue is
//    purged before each phase; the phases alternate in 4 rounds of a quarter of the bodies each. Prints one line: "mllp: messages=.. connections=.. amqp_msgs_per_s=.. mllp_msgs_per_s=.. ratio=.."
var port = int.Parse(Arg("--port", "2575"), CultureInfo.InvariantCulture);
var amqp = Arg("--amqp", Environment.GetEnvironmentVariable("SCREENING_AMQP") ?? "");
var count = int.Parse(Arg("--messages", "20000"), CultureInfo.InvariantCulture);
var connections = int.Parse(Arg("--connections", "8"), CultureInfo.InvariantCulture);
const string Exchange = "screening.hl7v2";

var bodies = Enumerable.Range(0, count).Select(i => Encoding.UTF8.GetBytes(Oru(i))).ToArray();
var factory = new ConnectionFactory { Uri = new Uri(amqp) };
await using var connection = await factory.CreateConnectionAsync();

await Mllp(Enumerable.Range(0, Math.Min(count, 200)).Select(i => bodies[i]).ToArray()); // warm-up; the listener declares the topology
await PurgeAsync();
// The phases alternate in rounds (amqp, mllp, amqp, mllp, …; a quarter of the bodies each) so that a change of load on
// a shared machine during the run weighs on both alike; each rate is its messages over its summed time.
double amqpSeconds = 0, mllpSeconds = 0;
var rounds = Math.Min(4, count);
for (var r = 0; r < rounds; r++)
{
    var share = bodies.Where((_, i) => i % rounds == r).ToArray();
    amqpSeconds += share.Length / await Amqp(share);
    await PurgeAsync();
    mllpSeconds += share.Length / await Mllp(share);
    await PurgeAsync();
}
var amqpRate = count / amqpSeconds;
var mllpRate = count / mllpSeconds;
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"mllp: messages={count} connections={connections} amqp_msgs_per_s={amqpRate:0} mllp_msgs_per_s={mllpRate:0} ratio={mllpRate / amqpRate:0.00}"));
return 0;

async Task<double> Amqp(byte[][] all)
{
    var channels = new List<IChannel>();
    for (var c = 0; c < connections; c++)
        channels.Add(await connection.CreateChannelAsync(new CreateChannelOptions(publisherConfirmationsEnabled: true, publisherConfirmationTrackingEnabled: true)));
    var properties = new BasicProperties { ContentType = "application/hl7-v2", DeliveryMode = DeliveryModes.Persistent };
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(channels.Select(async (channel, c) =>
    {
        for (var i = c; i < all.Length; i += connections) await channel.BasicPublishAsync(Exchange, "", true, properties, all[i]);
    }));
    var rate = all.Length / clock.Elapsed.TotalSeconds;
    foreach (var channel in channels) await channel.DisposeAsync();
    return rate;
}

async Task<double> Mllp(byte[][] all)
{
    var clients = new List<TcpClient>();
    for (var c = 0; c < connections; c++)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        clients.Add(tcp);
    }
    var clock = Stopwatch.StartNew();
    await Task.WhenAll(clients.Select(async (tcp, c) =>
    {
        var stream = tcp.GetStream();
        var decoder = new MllpFrameDecoder(1 << 20);
        var frames = new List<MllpFrame>();
        var buffer = new byte[8192];
        for (var i = c; i < all.Length; i += connections)
        {
            await stream.WriteAsync(MllpFrame.Wrap(all[i]));
            frames.Clear();
            while (frames.Count == 0)
            {
                var read = await stream.ReadAsync(buffer);
                if (read == 0) throw new IOException("listener closed the connection");
                decoder.Decode(buffer.AsSpan(0, read), frames);
            }
            var ack = Encoding.UTF8.GetString(frames[0].Content);
            if (!ack.Contains("\rMSA|AA|", StringComparison.Ordinal)) throw new InvalidOperationException("not AA: " + ack.Replace('\r', '\n'));
        }
    }));
    var rate = all.Length / clock.Elapsed.TotalSeconds;
    foreach (var tcp in clients) tcp.Dispose();
    return rate;
}

async Task PurgeAsync()
{
    await using var channel = await connection.CreateChannelAsync();
    await channel.QueuePurgeAsync(Exchange);
}

string Arg(string name, string fallback)
{
    var i = Array.IndexOf(args, name);
    return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
}

static string Oru(int i) => string.Join('\r',
    $"MSH|^~\\&|LIS|BENCHLAB|SCREENING|HOSP|20250110120000||ORU^R01^ORU_R01|B{i}|P|2.5.1",
    $"PID|1||BP{i % 5000}^^^BENCHLAB^MR||DOE^JANE||19800301|F",
    $"OBR|1|PL-{i}|BF{i}|58410-2^CBC panel^LN|||202501100900",
    $"OBX|1|NM|718-7^Hemoglobin [Mass/volume] in Blood^LN||{11 + i % 40 / 10.0:0.0}|g/dL|12.0-16.0|L|||F|||202501100900-0500") + "\r";

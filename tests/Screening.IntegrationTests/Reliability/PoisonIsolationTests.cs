using System.Text;
using RabbitMQ.Client;
using Screening.App.Hosting;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Reliability;

/// <summary>Issue 13: malformed messages interleaved with good ones on the JSON queues; every good one is stored, every bad one is a reject.</summary>
public sealed class PoisonIsolationTests(IsolatedServers servers) : IClassFixture<IsolatedServers>
{
    private static string Good(int n) => RawResults.Hb("lab-p", "G", n, 7);

    /// <summary>Each malformed body with the reason it must be stored under.</summary>
    private static readonly (string Reason, byte[] Body)[] Bad =
    [
        ("missing-field", Utf8(Good(1001).Replace("\"718-7\"", "null"))),
        ("missing-field", Utf8(Good(1002).Replace("\"lab-p\"", "null"))),
        ("missing-field", Utf8(Good(1003).Replace("\"final\"", "null"))),
        ("unknown-patient-id", Utf8(Good(1004).Replace("\"P-G-3\"", "null"))),
        ("missing-field", Utf8("""{"sourceSystem":"lab-p","patientId":"P-1","loinc":"718-7","value":12,"unit":"g/dL","collectedAt":"2025-01-03T09:00:00-05:00"}""")),
        ("wrong-type", Utf8(Good(1006).Replace("12.6", "\"twelve\""))),
        ("wrong-type", Utf8(Good(1007).Replace("\"2025-09-03T09:00:00-05:00\"", "{\"d\":1}"))),
        ("unparseable", Utf8("this is not JSON at all")),
        ("unparseable", [.. Utf8(Good(1009).Split("G-1009")[0]), 0xFF, 0xFE, .. Utf8(Good(1009).Split("G-1009")[1])]),
        ("identifier-too-long", Utf8(Good(1010).Replace("G-1010", new string('R', 20_000)))),
        ("too-large", Utf8(Good(1011).Replace("\"status\"", $"\"pad\":\"{new string('x', 1_100_000)}\",\"status\""))),
    ];

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    [IntegrationFact]
    public async Task Malformed_results_interleaved_with_good_ones_become_rejects_and_every_good_result_is_stored()
    {
        using var host = await TestApp.StartAsync(servers, HostRole.Demo);
        var factory = new ConnectionFactory { Uri = new Uri(servers.AmqpUrl) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true)))
        {
            var props = new BasicProperties { ContentType = "application/json", DeliveryMode = DeliveryModes.Persistent };
            for (var i = 0; i < 40; i++)
            {
                await channel.BasicPublishAsync("screening.results", "", true, props, Utf8(Good(i)));
                if (i < Bad.Length) await channel.BasicPublishAsync("screening.results", "", true, props, Bad[i].Body);
            }
        }

        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE source_system = 'lab-p'"), n => n == 40,
            TimeSpan.FromSeconds(60), "all 40 good results stored");
        var rejects = await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM rejected_message"), n => n >= Bad.Length,
            TimeSpan.FromSeconds(60), "a reject for every malformed message");
        Assert.Equal(Bad.Length, rejects);
        foreach (var group in Bad.GroupBy(b => b.Reason))
            Assert.Equal(group.Count(), await servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE reason_code = $1 AND status = 'rejected'", group.Key));
        Assert.Equal(0L, await QueueDepthAsync("screening.results_error"));
        Assert.Equal(0L, await servers.DataSource.Count("SELECT count(*) FROM rejected_message WHERE payload = ''"));
        await host.StopAsync();
    }

    private async Task<long> QueueDepthAsync(string queue)
    {
        var factory = new ConnectionFactory { Uri = new Uri(servers.AmqpUrl) };
        await using var connection = await factory.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try { return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount; }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException) { return 0; }
    }
}

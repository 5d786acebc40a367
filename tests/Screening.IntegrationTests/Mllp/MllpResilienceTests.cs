using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using RabbitMQ.Client;
using Screening.App.Feeds;
using Screening.App.Hosting;
using Screening.App.Mllp;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Mllp;

/// <summary>The listener under concurrency, over TLS, and when the broker cannot take a message (never an AA then).</summary>
public sealed class MllpResilienceTests
{
    [IntegrationFact]
    public async Task Twenty_concurrent_connections_each_get_their_own_acknowledgements_in_order_and_everything_is_stored()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await MllpHost.StartAsync(servers);

        var senders = Enumerable.Range(0, 20).Select(async c =>
        {
            await using var client = await MllpTestClient.ConnectAsync(host.MllpPort());
            var acks = new List<Ack>();
            for (var m = 0; m < 5; m++) acks.Add(await client.RoundTripAsync(MllpMessages.Oru($"C{c}-M{m}", $"P-CONC-{c}", $"F-CONC-{c}-{m}")));
            return (c, acks);
        });
        var results = await Task.WhenAll(senders);

        foreach (var (c, acks) in results)
        {
            Assert.Equal(Enumerable.Range(0, 5).Select(m => $"C{c}-M{m}"), acks.Select(a => a.ControlId));
            Assert.All(acks, a => Assert.Equal("AA", a.Code));
        }
        await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id LIKE 'F-CONC-%'"), n => n == 100, what: "100 results");
        var totals = host.Get<MllpMetrics>().Totals;
        Assert.Equal((100L, 100L, 0L, 0L), (totals.Messages, totals.Accepted, totals.Errors, totals.Rejected));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task Over_TLS_with_a_self_signed_certificate_a_message_is_acknowledged_and_stored()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        var directory = Directory.CreateTempSubdirectory("mllp-tls-");
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        var certPath = Path.Combine(directory.FullName, "mllp.crt");
        var keyPath = Path.Combine(directory.FullName, "mllp.key");
        await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
        await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem());
        try
        {
            using var host = await MllpHost.StartAsync(servers, o => (o.TlsCert, o.TlsKey) = (certPath, keyPath));
            await using var client = await MllpTestClient.ConnectAsync(host.MllpPort(), certificate);

            var ack = await client.RoundTripAsync(MllpMessages.Oru("TLS-1", "P-TLS", "F-TLS"));

            Assert.Equal(("AA", "TLS-1"), (ack.Code, ack.ControlId));
            await Eventually.Get(() => servers.DataSource.Count("SELECT count(*) FROM lab_result WHERE result_id = 'F-TLS|718-7|'"), n => n == 1, what: "the TLS message");
            await host.StopAsync();
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    [IntegrationFact]
    public async Task With_no_broker_reachable_every_message_is_answered_AE_never_AA_and_the_connection_keeps_serving()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var nothingListens = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        nothingListens.Start();
        var deadPort = ((System.Net.IPEndPoint)nothingListens.LocalEndpoint).Port;
        nothingListens.Stop(); // the port is free again: connecting to it is refused
        using var host = await MllpHost.StartAsync(servers, role: 0, amqpUrl: $"amqp://guest:guest@127.0.0.1:{deadPort}/none");
        await using var client = await MllpTestClient.ConnectAsync(host.MllpPort());

        var first = await client.RoundTripAsync(MllpMessages.Oru("DOWN-1", "P-DOWN", "F-DOWN-1"));
        var second = await client.RoundTripAsync(MllpMessages.Oru("DOWN-2", "P-DOWN", "F-DOWN-2"));

        foreach (var (ack, id) in new[] { (first, "DOWN-1"), (second, "DOWN-2") })
        {
            Assert.Equal(("AE", id, "207"), (ack.Code, ack.ControlId, ack.ErrorCode));
            Assert.Contains("not stored", ack.ErrorText);
        }
        Assert.Equal((2L, 0L), (host.Get<MllpMetrics>().Totals.Errors, host.Get<MllpMetrics>().Totals.Accepted));
        await host.StopAsync();
    }

    [IntegrationFact]
    public async Task A_message_the_broker_cannot_route_to_a_queue_is_answered_AE_never_AA()
    {
        await using var servers = await IsolatedServers.CreateAsync();
        using var host = await MllpHost.StartAsync(servers, role: 0); // the listener alone: no consumer re-creates the queue
        await using var client = await MllpTestClient.ConnectAsync(host.MllpPort());
        var before = await client.RoundTripAsync(MllpMessages.Oru("ROUTE-1", "P-ROUTE", "F-ROUTE-1"));

        var factory = new ConnectionFactory { Uri = new Uri(servers.AmqpUrl) };
        await using (var connection = await factory.CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
            await channel.QueueDeleteAsync(FeedQueues.Hl7v2.Name);
        var after = await client.RoundTripAsync(MllpMessages.Oru("ROUTE-2", "P-ROUTE", "F-ROUTE-2"));

        Assert.Equal(("AA", "ROUTE-1"), (before.Code, before.ControlId));
        Assert.Equal(("AE", "ROUTE-2", "207"), (after.Code, after.ControlId, after.ErrorCode));
        Assert.Contains("unroutable", after.ErrorText);
        await host.StopAsync();
    }
}

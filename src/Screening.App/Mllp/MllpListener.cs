using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;

namespace Screening.App.Mllp;

/// <summary>
/// The long-running MLLP listener: accepts TCP (or TLS, when a PEM certificate and key are configured) connections
/// from interface engines, each served by its own <see cref="MllpSession"/> concurrently with the others, up to
/// <see cref="MllpOptions.MaxConnections"/>. The port is bound when the host starts (a bind failure stops the start);
/// on stop it stops accepting and closes the sessions (an unacknowledged message is resent by its sender).
/// </summary>
public sealed class MllpListener(MllpOptions options, MllpMessageHandler handler, MllpMetrics metrics, Hl7v2Publisher publisher, ILogger<MllpListener> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<long, Task> sessions = new();
    private TcpListener? listener;
    private X509Certificate2? certificate;
    private long connectionSequence;

    /// <summary>The port actually bound (the configured one, or the free one picked for port 0).</summary>
    public int BoundPort { get; private set; }

    public override Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Tls) certificate = LoadCertificate(options.TlsCert!, options.TlsKey!);
        listener = new TcpListener(IPAddress.Parse(options.Bind), options.Port);
        listener.Start(backlog: 512);
        BoundPort = ((IPEndPoint)listener.LocalEndpoint).Port;
        logger.LogInformation("MLLP listening on {Bind}:{Port}{Tls}; max message {MaxBytes} bytes, idle timeout {Idle} s, read timeout {Read} s",
            options.Bind, BoundPort, certificate is null ? "" : " (TLS)", options.MaxMessageBytes, options.IdleTimeoutSeconds, options.ReadTimeoutSeconds);
        return base.StartAsync(cancellationToken);
    }

    /// <summary>A PEM certificate and its PEM private key; re-imported as PKCS#12 so SslStream can use the key on every platform.</summary>
    private static X509Certificate2 LoadCertificate(string certPath, string keyPath)
    {
        using var pem = X509Certificate2.CreateFromPemFile(certPath, keyPath);
        return X509CertificateLoader.LoadPkcs12(pem.Export(X509ContentType.Pkcs12), null);
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var stopAccepting = stoppingToken.Register(() => listener!.Stop());
        while (!stoppingToken.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener!.AcceptTcpClientAsync(stoppingToken);
            }
            catch (Exception) when (stoppingToken.IsCancellationRequested) { break; }
            catch (SocketException ex)
            {
                logger.LogWarning("MLLP: accepting a connection failed ({Error})", ex.SocketErrorCode);
                continue;
            }
            var number = Interlocked.Increment(ref connectionSequence);
            if (sessions.Count >= options.MaxConnections)
            {
                logger.LogWarning("MLLP: connection from {Remote} refused: {Max} connections already open", client.Client.RemoteEndPoint, options.MaxConnections);
                client.Dispose();
                continue;
            }
            sessions[number] = Task.Run(() => ServeAsync(client, number, stoppingToken), CancellationToken.None);
        }
        await Task.WhenAll(sessions.Values);
        logger.LogInformation("MLLP listener stopped. Totals: {Totals}", metrics.Totals);
        await publisher.DisposeAsync();
    }

    private async Task ServeAsync(TcpClient client, long number, CancellationToken stoppingToken)
    {
        var id = "c" + number.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var remote = client.Client.RemoteEndPoint?.ToString() ?? "?";
        metrics.ConnectionOpened();
        try
        {
            using (client)
            {
                client.NoDelay = true;
                Stream stream = client.GetStream();
                if (certificate is not null)
                {
                    var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                    using var handshake = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
                    handshake.CancelAfter(TimeSpan.FromSeconds(options.ReadTimeoutSeconds));
                    try
                    {
                        await tls.AuthenticateAsServerAsync(new SslServerAuthenticationOptions { ServerCertificate = certificate }, handshake.Token);
                    }
                    catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
                    {
                        logger.LogWarning("MLLP {Connection} from {Remote}: TLS handshake failed ({ErrorType}); closed", id, remote, ex.GetType().Name);
                        await tls.DisposeAsync();
                        return;
                    }
                    stream = tls;
                }
                await using (stream)
                {
                    logger.LogInformation("MLLP {Connection} from {Remote} opened{Tls}", id, remote, certificate is null ? "" : " (TLS)");
                    await new MllpSession(stream, id, remote, options, handler, metrics, logger).RunAsync(stoppingToken);
                }
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError("MLLP {Connection} from {Remote} failed ({ErrorType}); closed", id, remote, ex.GetType().Name);
        }
        catch (OperationCanceledException) { /* stopping */ }
        finally
        {
            metrics.ConnectionClosed();
            sessions.TryRemove(number, out _);
        }
    }

    public override void Dispose()
    {
        listener?.Dispose();
        certificate?.Dispose();
        base.Dispose();
    }
}

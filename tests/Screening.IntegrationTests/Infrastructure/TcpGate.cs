using System.Net;
using System.Net.Sockets;

namespace Screening.IntegrationTests.Infrastructure;

/// <summary>
/// A TCP forwarder the test owns, between the app and a shared server: <see cref="Cut"/> closes every connection and
/// refuses new ones (the server "goes away" for the app only), <see cref="Restore"/> lets them through again. Outages
/// of any length without stopping a server other engineers' tests use.
/// </summary>
public sealed class TcpGate : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly string targetHost;
    private readonly int targetPort;
    private readonly List<TcpClient> open = [];
    private readonly CancellationTokenSource stop = new();
    private volatile bool down;

    public TcpGate(string targetHost, int targetPort)
    {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public void Cut()
    {
        down = true;
        lock (open)
        {
            foreach (var client in open) client.Dispose();
            open.Clear();
        }
    }

    public void Restore() => down = false;

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await listener.AcceptTcpClientAsync(stop.Token); }
            catch (Exception) { return; }
            if (down) { client.Dispose(); continue; }
            _ = ForwardAsync(client);
        }
    }

    private async Task ForwardAsync(TcpClient client)
    {
        var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(targetHost, targetPort, stop.Token);
            lock (open) { open.Add(client); open.Add(upstream); }
            await Task.WhenAny(Pump(client, upstream), Pump(upstream, client));
        }
        catch (Exception) { /* either side closed */ }
        finally
        {
            client.Dispose();
            upstream.Dispose();
        }
    }

    private async Task Pump(TcpClient from, TcpClient to)
    {
        try { await from.GetStream().CopyToAsync(to.GetStream(), stop.Token); }
        catch (Exception) { /* closed */ }
    }

    public ValueTask DisposeAsync()
    {
        stop.Cancel();
        listener.Stop();
        Cut();
        return ValueTask.CompletedTask;
    }
}

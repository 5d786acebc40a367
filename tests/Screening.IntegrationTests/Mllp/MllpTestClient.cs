using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Screening.Interop.Mllp;

namespace Screening.IntegrationTests.Mllp;

/// <summary>A plain MLLP sender, as an interface engine is: frames a message, writes it, reads the framed ACK.</summary>
internal sealed class MllpTestClient : IAsyncDisposable
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);
    private readonly TcpClient tcp;
    private readonly Stream stream;
    private readonly MllpFrameDecoder decoder = new(16 * 1024 * 1024);
    private readonly Queue<string> received = new();
    private readonly byte[] buffer = new byte[64 * 1024];

    private MllpTestClient(TcpClient tcp, Stream stream)
    {
        this.tcp = tcp;
        this.stream = stream;
    }

    public static async Task<MllpTestClient> ConnectAsync(int port, X509Certificate2? trusted = null)
    {
        var tcp = new TcpClient { NoDelay = true };
        await tcp.ConnectAsync("127.0.0.1", port);
        Stream stream = tcp.GetStream();
        if (trusted is not null)
        {
            var tls = new SslStream(stream, false, (_, certificate, _, _) => certificate?.GetCertHashString() == trusted.GetCertHashString());
            await tls.AuthenticateAsClientAsync("localhost");
            stream = tls;
        }
        return new MllpTestClient(tcp, stream);
    }

    public async Task SendRawAsync(byte[] bytes)
    {
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    public Task SendAsync(string message) => SendRawAsync(MllpFrame.Wrap(Encoding.UTF8.GetBytes(message)));

    public Task SendAsync(byte[] message) => SendRawAsync(MllpFrame.Wrap(message));

    /// <summary>The next ACK (the 60 s guard only keeps a broken listener from hanging the suite).</summary>
    public async Task<Ack> ReadAckAsync()
    {
        using var guard = new CancellationTokenSource(Guard);
        var frames = new List<MllpFrame>();
        while (received.Count == 0)
        {
            var read = await stream.ReadAsync(buffer, guard.Token);
            if (read == 0) throw new IOException("the listener closed the connection instead of acknowledging");
            frames.Clear();
            decoder.Decode(buffer.AsSpan(0, read), frames);
            foreach (var frame in frames) received.Enqueue(Encoding.UTF8.GetString(frame.Content));
        }
        return Ack.Parse(received.Dequeue());
    }

    public async Task<Ack> RoundTripAsync(string message)
    {
        await SendAsync(message);
        return await ReadAckAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await stream.DisposeAsync();
        tcp.Dispose();
    }
}

/// <summary>
/// An ACK as a sender reads it: MSA-1, MSA-2 and the error: ERR-3 code, ERR-4 severity and ERR-8 text (v2.5+), or
/// ERR-1's code and MSA-3's text (before v2.5, severity implied "E").
/// </summary>
internal sealed record Ack(string Text, string Code, string ControlId, string[] Msh, string[] Msa, string[]? Err)
{
    public static Ack Parse(string text)
    {
        var field = text[3];
        var segments = text.TrimEnd('\r').Split('\r').Select(s => s.Split(field)).ToList();
        var msh = segments.Single(s => s[0] == "MSH");
        var msa = segments.Single(s => s[0] == "MSA");
        var err = segments.FirstOrDefault(s => s[0] == "ERR");
        return new Ack(text, msa[1], msa[2], msh, msa, err);
    }

    private bool Modern => Err is { Length: > 3 };
    private char Component => Msh[1][0];
    private char Subcomponent => Msh[1][3];

    public string ErrorCode => Err is null ? "" : Modern ? Err[3].Split(Component)[0] : Err[1].Split(Component)[^1].Split(Subcomponent)[0];
    public string Severity => Err is null ? "" : Modern ? Err[4] : "E";
    public string ErrorText => Modern && Err!.Length > 8 ? Err[8] : Msa.Length > 3 ? Msa[3] : "";
}

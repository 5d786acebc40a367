using System.Net;
using Microsoft.Extensions.Configuration;

namespace Screening.App.Mllp;

/// <summary>
/// The MLLP listener (section <c>Mllp</c>, env <c>SCREENING_Mllp__Port=…</c>). <c>screening mllp</c> always runs it;
/// <c>screening worker</c> runs it too when <see cref="Enabled"/>. TLS when both PEM files are given.
/// </summary>
public sealed class MllpOptions
{
    public bool Enabled { get; set; }
    /// <summary>2575 is the port IANA registered for HL7 over MLLP; 0 picks a free one (tests).</summary>
    public int Port { get; set; } = 2575;
    public string Bind { get; set; } = "127.0.0.1";
    public string? TlsCert { get; set; }
    public string? TlsKey { get; set; }
    public int MaxMessageBytes { get; set; } = 4 * 1024 * 1024;
    /// <summary>A connection with no frame in progress and nothing received for this long is closed.</summary>
    public int IdleTimeoutSeconds { get; set; } = 600;
    /// <summary>A frame (or TLS handshake) that started but did not complete within this long between reads closes the connection.</summary>
    public int ReadTimeoutSeconds { get; set; } = 30;
    /// <summary>How long to wait for the broker's confirm before answering AE.</summary>
    public int PublishTimeoutSeconds { get; set; } = 15;
    public int MaxConnections { get; set; } = 256;

    public static MllpOptions Read(IConfiguration configuration) => configuration.GetSection("Mllp").Get<MllpOptions>() ?? new MllpOptions();

    public bool Tls => !string.IsNullOrWhiteSpace(TlsCert);

    public IEnumerable<string> Problems()
    {
        if (Port is < 0 or > 65535) yield return "Mllp:Port must be between 0 and 65535.";
        if (!IPAddress.TryParse(Bind, out _)) yield return $"Mllp:Bind '{Bind}' is not an IP address (e.g. 127.0.0.1 or 0.0.0.0).";
        if (string.IsNullOrWhiteSpace(TlsCert) != string.IsNullOrWhiteSpace(TlsKey))
            yield return "Mllp:TlsCert and Mllp:TlsKey (--tls-cert, --tls-key) must be given together.";
        if (!string.IsNullOrWhiteSpace(TlsCert) && !File.Exists(TlsCert)) yield return $"Mllp:TlsCert file '{TlsCert}' does not exist.";
        if (!string.IsNullOrWhiteSpace(TlsKey) && !File.Exists(TlsKey)) yield return $"Mllp:TlsKey file '{TlsKey}' does not exist.";
        if (MaxMessageBytes is < 1024 or > 256 * 1024 * 1024) yield return "Mllp:MaxMessageBytes must be between 1024 and 268435456.";
        if (IdleTimeoutSeconds < 1) yield return "Mllp:IdleTimeoutSeconds must be at least 1.";
        if (ReadTimeoutSeconds < 1) yield return "Mllp:ReadTimeoutSeconds must be at least 1.";
        if (PublishTimeoutSeconds < 1) yield return "Mllp:PublishTimeoutSeconds must be at least 1.";
        if (MaxConnections < 1) yield return "Mllp:MaxConnections must be at least 1.";
    }
}

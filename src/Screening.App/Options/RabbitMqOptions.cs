namespace Screening.App.Options;

/// <summary>RabbitMQ connection (amqp URI from the environment: SCREENING_AMQP) and ingest batching.</summary>
public sealed class RabbitMqOptions
{
    public const string EnvironmentVariable = "SCREENING_AMQP";
    public string? Url { get; set; }
    /// <summary>Results per ingest batch from single-result messages (must be ≤ prefetch, stack-notes §1.2).</summary>
    public int BatchMessageLimit { get; set; } = 200;
    public int BatchTimeLimitMs { get; set; } = 200;
    /// <summary>
    /// Messages each ingest endpoint processes at once. Ingest alternates between client CPU and database work, so two
    /// transactions per core keep both busy: on 2 cores, 2 → 21.9k, 4 → 25.5k–28.3k, 6 → 25.8k results/s
    /// (docs/performance.md).
    /// </summary>
    public int ConsumerConcurrency { get; set; } = 4;

    public IEnumerable<string> Problems()
    {
        if (string.IsNullOrWhiteSpace(Url))
        {
            yield return $"{EnvironmentVariable} is not set: export an AMQP URI, e.g. 'amqp://screening:…@127.0.0.1:5672/screening' (infra/services.sh env prints one).";
            yield break;
        }
        if (!Uri.TryCreate(Url, UriKind.Absolute, out var uri) || uri.Scheme is not ("amqp" or "amqps"))
            yield return $"{EnvironmentVariable} must be an amqp:// or amqps:// URI.";
        if (BatchMessageLimit is < 1 or > 1000) yield return "RabbitMq:BatchMessageLimit must be between 1 and 1000.";
        if (ConsumerConcurrency is < 1 or > 32) yield return "RabbitMq:ConsumerConcurrency must be between 1 and 32.";
    }

    public (string Host, ushort Port, string VirtualHost, string User, string Password, bool Tls) Parse()
    {
        var uri = new Uri(Url!);
        var userInfo = uri.UserInfo.Split(':', 2);
        var vhost = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        return (uri.Host, (ushort)(uri.IsDefaultPort || uri.Port < 0 ? (uri.Scheme == "amqps" ? 5671 : 5672) : uri.Port),
            vhost.Length == 0 ? "/" : vhost,
            userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest",
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest", uri.Scheme == "amqps");
    }
}

using System.Collections.Concurrent;
using System.Text;
using Microsoft.Extensions.Logging;

namespace Screening.IntegrationTests.Web;

/// <summary>
/// An in-memory logger provider that keeps every log line at every level from every category, with its structured
/// values and scope values (RequestPath …), so tests can assert that no PHI reaches any log sink.
/// </summary>
public sealed class CapturedLogs : ILoggerProvider, ISupportExternalScope
{
    private readonly ConcurrentQueue<string> lines = new();
    private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

    public IReadOnlyCollection<string> Lines => lines;
    public string All => string.Join('\n', lines);

    public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;
    public void Dispose() { }

    private sealed class Logger(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => owner.scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var sb = new StringBuilder().Append(logLevel).Append(' ').Append(category).Append(": ").Append(formatter(state, exception));
            if (state is IEnumerable<KeyValuePair<string, object?>> values)
                foreach (var (k, v) in values) sb.Append(" | ").Append(k).Append('=').Append(v);
            owner.scopes.ForEachScope((scope, b) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> kv) foreach (var (k, v) in kv) b.Append(" | scope ").Append(k).Append('=').Append(v);
                else b.Append(" | scope ").Append(scope);
            }, sb);
            if (exception is not null) sb.Append(" | ").Append(exception);
            owner.lines.Enqueue(sb.ToString());
        }
    }
}

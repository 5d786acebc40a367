using System.Diagnostics;

namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// The built `screening worker` as a real child process (so a test can kill -9 it), pointed at the test's own
/// containers. Output goes to a log file under the test results (kept for a failed scenario's post-mortem).
/// </summary>
public sealed class WorkerProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly Process process;
    private readonly StreamWriter log;

    private WorkerProcess(Process process, StreamWriter log, string logPath, int healthPort)
    {
        this.process = process;
        this.log = log;
        LogPath = logPath;
        HealthPort = healthPort;
    }

    public string LogPath { get; }
    public int HealthPort { get; }
    public bool HasExited => process.HasExited;

    /// <summary>Starts a worker and waits until its consumers are up (/health/ready answers 200).</summary>
    public static async Task<WorkerProcess> StartAsync(Database database, Broker broker, string name, IReadOnlyDictionary<string, string>? settings = null)
    {
        var exe = Path.Combine(AppContext.BaseDirectory, "screening");
        if (!File.Exists(exe)) throw new FileNotFoundException("The screening executable is not next to the tests (Screening.App project reference).", exe);
        var port = FreePort.Next();
        var psi = new ProcessStartInfo(exe)
        {
            WorkingDirectory = RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in new[] { "worker", "--urls", $"http://127.0.0.1:{port}" }) psi.ArgumentList.Add(a);
        psi.Environment["SCREENING_DB"] = database.ConnectionString;
        psi.Environment["SCREENING_AMQP"] = broker.AmqpUrl;
        psi.Environment["SCREENING_Rules__Path"] = Path.Combine(RepoRoot, "seeds", "rules.json");
        psi.Environment["SCREENING_Schedule__Enabled"] = "false";
        psi.Environment["DOTNET_gcServer"] = "0";
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) psi.Environment[key] = value;

        var dir = Path.Combine(AppContext.BaseDirectory, "fault-logs");
        Directory.CreateDirectory(dir);
        var logPath = Path.Combine(dir, $"{DateTime.UtcNow:HHmmss}-{name}-{Guid.NewGuid().ToString("N")[..6]}.log");
        var log = new StreamWriter(logPath) { AutoFlush = true };
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start the worker");
        var worker = new WorkerProcess(process, log, logPath, port);
        process.OutputDataReceived += (_, e) => worker.Write(e.Data);
        process.ErrorDataReceived += (_, e) => worker.Write(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return await Starting.OrDisposeAsync(worker, () => worker.WaitReadyAsync(TimeSpan.FromSeconds(120)));
    }

    public async Task WaitReadyAsync(TimeSpan timeout)
    {
        await Eventually.Until(async () =>
        {
            if (process.HasExited) throw new InvalidOperationException($"the worker exited ({process.ExitCode}); log: {LogPath}\n{Tail()}");
            try { return (await Http.GetAsync($"http://127.0.0.1:{HealthPort}/health/ready")).IsSuccessStatusCode; }
            catch (HttpRequestException) { return false; }
            catch (TaskCanceledException) { return false; }
        }, timeout, $"the worker ready (log: {LogPath})");
    }

    /// <summary>kill -9: no shutdown hooks, no acks for what it was doing.</summary>
    public async Task KillAsync()
    {
        if (process.HasExited) return;
        process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
    }

    public string Tail(int lines = 40)
    {
        lock (log) if (!closed) log.Flush();
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
            var all = new StreamReader(stream).ReadToEnd().Split('\n');
            return string.Join('\n', all.TakeLast(lines));
        }
        catch (IOException) { return ""; }
    }

    private bool closed;

    private void Write(string? line)
    {
        if (line is null) return;
        lock (log) if (!closed) log.WriteLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        process.Dispose();
        lock (log)
        {
            closed = true;
            log.Dispose();
        }
    }

    public static string RepoRoot { get; } = FindRepoRoot();

    private static string FindRepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Screening.sln"))) return dir.FullName;
        throw new DirectoryNotFoundException("Screening.sln not found above " + AppContext.BaseDirectory);
    }
}

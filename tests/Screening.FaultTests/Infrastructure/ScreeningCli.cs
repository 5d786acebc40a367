using System.Diagnostics;
using System.Text;

namespace Screening.FaultTests.Infrastructure;

/// <summary>One-shot verbs of the built `screening` executable (seed, screen, migrate) as child processes.</summary>
public static class ScreeningCli
{
    public static Process Start(Database database, Broker broker, StringBuilder output, params string[] args)
    {
        var psi = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "screening"))
        {
            WorkingDirectory = WorkerProcess.RepoRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
        };
        foreach (var a in args) psi.ArgumentList.Add(a);
        psi.Environment["SCREENING_DB"] = database.ConnectionString;
        psi.Environment["SCREENING_AMQP"] = broker.AmqpUrl;
        psi.Environment["SCREENING_Rules__Path"] = Path.Combine(WorkerProcess.RepoRoot, "seeds", "rules.json");
        var process = Process.Start(psi) ?? throw new InvalidOperationException("could not start screening " + string.Join(' ', args));
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Runs a verb to the end; fails with its output when it exits non-zero or overruns the deadline.</summary>
    public static async Task<string> RunAsync(Database database, Broker broker, TimeSpan timeout, params string[] args)
    {
        var output = new StringBuilder();
        using var process = Start(database, broker, output, args);
        using var deadline = new CancellationTokenSource(timeout);
        try { await process.WaitForExitAsync(deadline.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"screening {string.Join(' ', args)} ran over {timeout.TotalSeconds:0} s:\n{output}");
        }
        process.WaitForExit(); // drains the redirected output
        if (process.ExitCode != 0) throw new InvalidOperationException($"screening {string.Join(' ', args)} exited {process.ExitCode}:\n{output}");
        return output.ToString();
    }
}

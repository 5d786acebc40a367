using System.Diagnostics;

namespace Screening.IntegrationTests.Infrastructure;

/// <summary>Runs the real <c>screening</c> executable (the built screening.dll) against a test's servers: exit code, stdout, stderr.</summary>
public static class CliRun
{
    public sealed record Outcome(int ExitCode, string Stdout, string Stderr);

    public static async Task<Outcome> RunAsync(IsolatedServers servers, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "screening.dll"));
        foreach (var a in args) start.ArgumentList.Add(a);
        start.Environment["SCREENING_DB"] = servers.ConnectionString;
        start.Environment["SCREENING_AMQP"] = servers.AmqpUrl;
        start.Environment["SCREENING_Database__MigrateOnStart"] = "false";
        start.Environment["NO_COLOR"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(deadline.Token);
        return new Outcome(process.ExitCode, await stdout, await stderr);
    }
}

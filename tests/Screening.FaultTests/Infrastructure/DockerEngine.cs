using System.Diagnostics;

namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// The faults themselves, through the docker CLI on the container ids Testcontainers created: kill (SIGKILL or
/// another signal), stop, start, pause, unpause. Testcontainers 3.10 only starts and removes.
/// </summary>
public static class DockerEngine
{
    public const string PostgresImage = "screening/postgres:15";
    public const string RabbitMqImage = "screening/rabbitmq:3.10";

    private static readonly Lazy<string?> Problem = new(FindProblem);

    public static bool Required => Environment.GetEnvironmentVariable("SCREENING_REQUIRE_SERVICES") == "1"
                                   || string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);

    /// <summary>Why the fault suite cannot run here, or null.</summary>
    public static string? Unavailable => Problem.Value;

    public static string? SkipReason => Unavailable is { } problem && !Required ? problem : null;

    public static void EnsureAvailable()
    {
        if (Unavailable is { } problem) throw new InvalidOperationException(problem);
        Environment.SetEnvironmentVariable("TESTCONTAINERS_RYUK_DISABLED", "true");   // no Ryuk image here; fixtures clean up
        Environment.SetEnvironmentVariable("TESTCONTAINERS_HOST_OVERRIDE", "127.0.0.1");
    }

    public static Task KillAsync(string id, string signal = "KILL") => RunAsync("kill", "--signal", signal, id);
    public static Task StopAsync(string id, int graceSeconds = 10) => RunAsync("stop", "-t", graceSeconds.ToString(), id);
    public static Task StartAsync(string id) => RunAsync("start", id);
    public static Task PauseAsync(string id) => RunAsync("pause", id);
    public static Task UnpauseAsync(string id) => RunAsync("unpause", id);

    /// <summary>Waits until the container is no longer running (after a kill or an immediate shutdown).</summary>
    public static Task WaitExitedAsync(string id) => Eventually.Until(async () =>
        (await RunAsync("inspect", "--format", "{{.State.Running}}", id)).Trim() == "false", TimeSpan.FromSeconds(60), $"container {id[..12]} exited");

    public static async Task<string> RunAsync(params string[] args)
    {
        var psi = new ProcessStartInfo("docker") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException("docker could not be started");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(120));
        await p.WaitForExitAsync(timeout.Token);
        if (p.ExitCode != 0) throw new InvalidOperationException($"docker {string.Join(' ', args)} failed ({p.ExitCode}): {(await stderr).Trim()}");
        return await stdout;
    }

    private static string? FindProblem()
    {
        const string fix = "Run ./test.sh (as root it installs docker.io, starts dockerd and builds the images) or infra/docker.sh up.";
        try
        {
            var info = RunAsync("version", "--format", "{{.Server.APIVersion}}").GetAwaiter().GetResult();
            if (string.IsNullOrWhiteSpace(info)) return "No Docker engine answers. " + fix;
            RunAsync("image", "inspect", PostgresImage, RabbitMqImage).GetAwaiter().GetResult();
            return null;
        }
        catch (Exception ex) when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or OperationCanceledException)
        {
            return $"The fault suite needs a Docker engine and the images {PostgresImage}, {RabbitMqImage}: {ex.Message.Trim()}. {fix}";
        }
    }
}

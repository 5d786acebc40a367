using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

/// <summary>
/// The Data Protection key ring lives in PostgreSQL, encrypted with a certificate (issue 16): a second web process with
/// its own home folder (where the key ring would otherwise be) accepts the first one's session cookie.
/// </summary>
public sealed class SharedKeyRingTests : IAsyncLifetime
{
    private readonly string folder = Directory.CreateTempSubdirectory("screening-keyring-").FullName;
    private Process? second;

    [IntegrationFact]
    public async Task Two_web_processes_share_sessions_through_the_encrypted_key_ring_in_postgresql()
    {
        var pfx = Path.Combine(folder, "keys.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=screening-data-protection-test", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            await File.WriteAllBytesAsync(pfx, certificate.Export(X509ContentType.Pfx, "test-pass"));
        }
        await using var world = await WebWorld.StartAsync($"--Web:KeyCertificatePath={pfx}", "--Web:KeyCertificatePassword=test-pass");
        using var session = await world.SignedInAsync("nurse.north");

        var stored = await world.Servers.DataSource.Scalar<string>("SELECT string_agg(xml, '') FROM data_protection_key");
        Assert.Contains("EncryptedData", stored);
        Assert.DoesNotContain("<masterKey", stored); // the key itself only inside EncryptedData

        var port = FreePort();
        var home = Directory.CreateDirectory(Path.Combine(folder, "home-b")).FullName;
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "screening.dll"), "web", "--urls", $"http://127.0.0.1:{port}"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = folder,
        };
        start.Environment["HOME"] = home;
        start.Environment["DOTNET_CLI_HOME"] = home;
        start.Environment["SCREENING_DB"] = world.Servers.ConnectionString;
        start.Environment["SCREENING_Web__KeyCertificatePath"] = pfx;
        start.Environment["SCREENING_Web__KeyCertificatePassword"] = "test-pass";
        second = Process.Start(start)!;
        second.OutputDataReceived += (_, _) => { };
        second.ErrorDataReceived += (_, _) => { };
        second.BeginOutputReadLine();
        second.BeginErrorReadLine();

        var otherAddress = $"http://127.0.0.1:{port}";
        using var probe = new HttpClient { BaseAddress = new Uri(otherAddress) };
        await Eventually.Get(async () =>
        {
            Assert.False(second.HasExited, "the second web process exited");
            try { return (await probe.GetAsync("/health")).IsSuccessStatusCode; } catch (HttpRequestException) { return false; }
        }, up => up, TimeSpan.FromSeconds(120), "the second web process to answer /health");

        using var other = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(otherAddress) };
        other.DefaultRequestHeaders.Add("Cookie", session.Cookies.GetCookieHeader(new Uri(world.Address)));
        using var response = await other.GetAsync("/api/tasks");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(world.NorthTask.ToString(), await response.Content.ReadAsStringAsync());
        Assert.False(Directory.Exists(Path.Combine(home, ".aspnet", "DataProtection-Keys")) &&
                     Directory.EnumerateFiles(Path.Combine(home, ".aspnet", "DataProtection-Keys")).Any());
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync()
    {
        if (second is { HasExited: false }) second.Kill(entireProcessTree: true);
        second?.WaitForExit(10_000);
        second?.Dispose();
        Directory.Delete(folder, recursive: true);
        return Task.CompletedTask;
    }
}

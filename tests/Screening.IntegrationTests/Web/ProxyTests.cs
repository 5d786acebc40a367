using System.Net;
using System.Text.RegularExpressions;
using Screening.IntegrationTests.Infrastructure;

namespace Screening.IntegrationTests.Web;

/// <summary>Behind a TLS-terminating proxy (issue 16): X-Forwarded-Proto from a known proxy, __Host- Secure cookies, HSTS, no 500 on HTTP.</summary>
public sealed partial class ProxyTests
{
    [IntegrationFact]
    public async Task Behind_a_known_https_proxy_cookies_are_secure_host_cookies_with_hsts_and_plain_http_gets_a_clear_400()
    {
        await using var world = await WebWorld.StartAsync("--Web:SecureCookies=true", "--Web:KnownProxies:0=127.0.0.1");
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(world.Address) };

        using (var plain = await http.GetAsync("/login"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, plain.StatusCode);
            Assert.Contains("HTTPS", await plain.Content.ReadAsStringAsync());
            Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
        }
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);

        using var page = new HttpRequestMessage(HttpMethod.Get, "/login");
        page.Headers.Add("X-Forwarded-Proto", "https");
        using var form = await http.SendAsync(page);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.StartsWith("max-age=", Assert.Single(form.Headers.GetValues("Strict-Transport-Security")));
        var csrfCookie = Assert.Single(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-screening.csrf=", StringComparison.Ordinal));
        Assert.Contains("secure", csrfCookie, StringComparison.OrdinalIgnoreCase);
        var token = WebUtility.HtmlDecode(Token().Match(await form.Content.ReadAsStringAsync()).Groups[1].Value);

        using var signIn = new HttpRequestMessage(HttpMethod.Post, "/login")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
                { ["userName"] = "nurse.north", ["password"] = WebWorld.Password, ["__RequestVerificationToken"] = token }),
        };
        signIn.Headers.Add("X-Forwarded-Proto", "https");
        signIn.Headers.Add("Cookie", csrfCookie.Split(';')[0]);
        using var signedIn = await http.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var auth = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-screening.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", auth, StringComparison.OrdinalIgnoreCase);
    }

    [IntegrationFact]
    public async Task Kestrel_serves_https_from_a_certificate_file_with_secure_host_cookies_and_hsts()
    {
        var folder = Directory.CreateTempSubdirectory("screening-tls-").FullName;
        try
        {
            using var rsa = System.Security.Cryptography.RSA.Create(2048);
            var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", rsa,
                System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
            var san = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
            san.AddIpAddress(IPAddress.Loopback);
            request.CertificateExtensions.Add(san.Build());
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
            var (certPath, keyPath) = (Path.Combine(folder, "tls.pem"), Path.Combine(folder, "tls.key"));
            await File.WriteAllTextAsync(certPath, certificate.ExportCertificatePem());
            await File.WriteAllTextAsync(keyPath, rsa.ExportPkcs8PrivateKeyPem());

            await using var world = await WebWorld.StartAtAsync("https://127.0.0.1:0", "--Web:SecureCookies=true",
                $"--Kestrel:Certificates:Default:Path={certPath}", $"--Kestrel:Certificates:Default:KeyPath={keyPath}");
            Assert.StartsWith("https://", world.Address);
            using var http = new HttpClient(new HttpClientHandler
            {
                UseCookies = false, AllowAutoRedirect = false,
                ServerCertificateCustomValidationCallback = (_, presented, _, _) => presented?.Thumbprint == certificate.Thumbprint,
            }) { BaseAddress = new Uri(world.Address) };
            using var form = await http.GetAsync("/login");
            Assert.Equal(HttpStatusCode.OK, form.StatusCode);
            Assert.True(form.Headers.Contains("Strict-Transport-Security"));
            Assert.Contains(form.Headers.GetValues("Set-Cookie"), c => c.StartsWith("__Host-screening.csrf=", StringComparison.Ordinal) && c.Contains("secure"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Screening.IntegrationTests.Web;

/// <summary>
/// A minimal OpenID provider for tests, over real HTTP on an ephemeral port: discovery, JWKS, an authorization endpoint
/// that signs in <see cref="Claims"/> at once, and a token endpoint that checks the client secret and PKCE (S256) and
/// returns an RS256-signed id_token. <see cref="SignWithForeignKey"/> signs with a key the JWKS does not publish.
/// </summary>
public sealed class MiniOpenIdProvider : IAsyncDisposable
{
    public const string ClientId = "screening-worklist";
    public const string ClientSecret = "test-client-secret";
    private readonly RSA key = RSA.Create(2048);
    private readonly RSA foreignKey = RSA.Create(2048);
    private readonly ConcurrentDictionary<string, (string Nonce, string Challenge, string RedirectUri)> codes = new();
    private WebApplication app = null!;

    public string Issuer { get; private set; } = "";
    public Dictionary<string, object> Claims { get; set; } = new();
    public bool SignWithForeignKey { get; set; }
    public int TokensIssued;

    public static async Task<MiniOpenIdProvider> StartAsync()
    {
        var op = new MiniOpenIdProvider();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        op.app = builder.Build();
        op.Map();
        await op.app.StartAsync();
        op.Issuer = op.app.Urls.First();
        return op;
    }

    private void Map()
    {
        app.MapGet("/.well-known/openid-configuration", () => Results.Json(new Dictionary<string, object>
        {
            ["issuer"] = Issuer, ["authorization_endpoint"] = Issuer + "/authorize", ["token_endpoint"] = Issuer + "/token",
            ["jwks_uri"] = Issuer + "/jwks", ["response_types_supported"] = new[] { "code" }, ["subject_types_supported"] = new[] { "public" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" }, ["code_challenge_methods_supported"] = new[] { "S256" },
            ["response_modes_supported"] = new[] { "query" },
        }));
        app.MapGet("/jwks", () =>
        {
            var p = key.ExportParameters(false);
            return Results.Json(new { keys = new[] { new { kty = "RSA", use = "sig", alg = "RS256", kid = "test-key", n = B64(p.Modulus!), e = B64(p.Exponent!) } } });
        });
        app.MapGet("/authorize", (HttpRequest request) =>
        {
            var q = request.Query;
            if (q["client_id"] != ClientId || q["response_type"] != "code" || q["code_challenge_method"] != "S256" || string.IsNullOrEmpty(q["code_challenge"]))
                return Results.BadRequest("authorization code with PKCE S256 required");
            var code = B64(RandomNumberGenerator.GetBytes(16));
            codes[code] = (q["nonce"].ToString(), q["code_challenge"].ToString(), q["redirect_uri"].ToString());
            return Results.Redirect($"{q["redirect_uri"]}?code={code}&state={Uri.EscapeDataString(q["state"].ToString())}");
        });
        app.MapPost("/token", async (HttpRequest request) =>
        {
            var form = await request.ReadFormAsync();
            if (form["grant_type"] != "authorization_code" || form["client_id"] != ClientId || form["client_secret"] != ClientSecret)
                return Results.Json(new { error = "invalid_client" }, statusCode: 401);
            if (!codes.TryRemove(form["code"].ToString(), out var grant) || grant.RedirectUri != form["redirect_uri"])
                return Results.Json(new { error = "invalid_grant" }, statusCode: 400);
            if (B64(SHA256.HashData(Encoding.ASCII.GetBytes(form["code_verifier"].ToString()))) != grant.Challenge)
                return Results.Json(new { error = "invalid_grant", error_description = "PKCE verification failed" }, statusCode: 400);
            Interlocked.Increment(ref TokensIssued);
            return Results.Json(new { access_token = "opaque-access", token_type = "Bearer", expires_in = 300, id_token = IdToken(grant.Nonce) });
        });
    }

    private string IdToken(string nonce)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var payload = new Dictionary<string, object>(Claims) { ["iss"] = Issuer, ["aud"] = ClientId, ["iat"] = now, ["nbf"] = now, ["exp"] = now + 300, ["nonce"] = nonce };
        var header = B64(JsonSerializer.SerializeToUtf8Bytes(new { alg = "RS256", typ = "JWT", kid = "test-key" }));
        var body = B64(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = (SignWithForeignKey ? foreignKey : key).SignData(Encoding.ASCII.GetBytes(header + "." + body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{header}.{body}.{B64(signature)}";
    }

    private static string B64(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public async ValueTask DisposeAsync()
    {
        await app.DisposeAsync();
        key.Dispose();
        foreignKey.Dispose();
    }
}

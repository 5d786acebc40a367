using System.Net;
using System.Text.RegularExpressions;

namespace Screening.IntegrationTests.Web;

/// <summary>A browser-like HTTP client: cookies, no automatic redirects, and the antiforgery token of the last page read.</summary>
public sealed partial class WebSession(string baseAddress) : IDisposable
{
    public CookieContainer Cookies { get; } = new();
    private HttpClient? http;
    public HttpClient Http => http ??= new HttpClient(new HttpClientHandler { CookieContainer = Cookies, AllowAutoRedirect = false })
        { BaseAddress = new Uri(baseAddress) };
    public string? CsrfToken { get; private set; }

    public async Task<(HttpStatusCode Status, string Body)> GetAsync(string path)
    {
        using var response = await Http.GetAsync(path);
        var body = await response.Content.ReadAsStringAsync();
        if (Token().Match(body) is { Success: true } m) CsrfToken = WebUtility.HtmlDecode(m.Groups[1].Value);
        return (response.StatusCode, body);
    }

    public async Task<HttpResponseMessage> PostFormAsync(string path, IDictionary<string, string> fields, bool withToken = true)
    {
        var all = new Dictionary<string, string>(fields);
        if (withToken && CsrfToken is not null) all["__RequestVerificationToken"] = CsrfToken;
        return await Http.PostAsync(path, new FormUrlEncodedContent(all));
    }

    public async Task SignInAsync(string user, string password)
    {
        await GetAsync("/login");
        using var response = await PostFormAsync("/login", new Dictionary<string, string> { ["userName"] = user, ["password"] = password });
        if (response.StatusCode != HttpStatusCode.Redirect) throw new InvalidOperationException($"sign-in of {user} answered {response.StatusCode}");
        await GetAsync("/worklist"); // fresh antiforgery token for the signed-in identity
    }

    public void Dispose() => http?.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}

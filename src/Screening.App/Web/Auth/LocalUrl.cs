namespace Screening.App.Web.Auth;

/// <summary>
/// Where a sign-in may send the browser back to: a path on this site only (the rules of ASP.NET's Url.IsLocalUrl, plus
/// no control or white-space characters anywhere, which browsers strip or fold: "/\t/evil.example" is off-site).
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || url[0] != '/') return false;
        if (url.Any(c => char.IsControl(c) || char.IsWhiteSpace(c) || c == '\\')) return false;
        return url.Length == 1 || url[1] != '/';
    }
}

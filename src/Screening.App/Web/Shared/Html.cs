using System.Globalization;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Antiforgery;

namespace Screening.App.Web.Shared;

/// <summary>Small helpers for server-rendered HTML: encoding, dates, numbers and the antiforgery field.</summary>
public static class Html
{
    public static string E(string? text) => HtmlEncoder.Default.Encode(text ?? "");
    public static string E(long value) => value.ToString(CultureInfo.InvariantCulture);
    public static string D(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
    public static string D(DateTimeOffset? at) => at?.ToUniversalTime().ToString("yyyy-MM-dd HH:mm 'UTC'", CultureInfo.InvariantCulture) ?? "";
    public static string N(decimal? value) => value?.ToString("0.##", CultureInfo.InvariantCulture) ?? "";
    public static string Q(string? text) => Uri.EscapeDataString(text ?? "");

    /// <summary>The hidden antiforgery field every form POST carries.</summary>
    public static string Csrf(HttpContext ctx)
    {
        var tokens = ctx.RequestServices.GetRequiredService<IAntiforgery>().GetAndStoreTokens(ctx);
        return $"<input type=\"hidden\" name=\"{E(tokens.FormFieldName)}\" value=\"{E(tokens.RequestToken)}\">";
    }

    public static string Choices(IEnumerable<string> values, string? selected, string? emptyLabel = null)
    {
        var sb = new System.Text.StringBuilder();
        if (emptyLabel is not null) sb.Append($"<option value=\"\">{E(emptyLabel)}</option>");
        foreach (var v in values)
            sb.Append($"<option value=\"{E(v)}\"{(v == selected ? " selected" : "")}>{E(v)}</option>");
        return sb.ToString();
    }
}

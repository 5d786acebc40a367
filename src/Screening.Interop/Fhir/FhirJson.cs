using System.Globalization;
using System.Text.Json;

namespace Screening.Interop.Fhir;

/// <summary>Null-safe accessors over <see cref="JsonElement"/>: a wrong JSON kind reads as absent, never throws.</summary>
internal static class FhirJson
{
    public static JsonElement? Child(this JsonElement element, string name)
        => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var child) && child.ValueKind != JsonValueKind.Null
            ? child : null;

    public static string? Text(this JsonElement element, string name)
        => element.Child(name) is { ValueKind: JsonValueKind.String } child ? child.GetString() : null;

    public static decimal? Number(this JsonElement element, string name)
        => element.Child(name) is { ValueKind: JsonValueKind.Number } child && child.TryGetDecimal(out var value) ? value : null;

    public static bool? Flag(this JsonElement element, string name) => element.Child(name)?.ValueKind switch
    {
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static IEnumerable<JsonElement> Items(this JsonElement element, string name)
        => element.Child(name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    public static JsonElement? First(this JsonElement element, string name)
        => element.Items(name).Select(e => (JsonElement?)e).FirstOrDefault();

    /// <summary>FHIR date/dateTime/instant with at least day precision; a date alone is midnight at offset 0.</summary>
    public static DateTimeOffset? DateTime(string? text)
    {
        if (text is null || text.Length < 10 || text.Length > 40) return null;
        if (!DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return null;
        if (text.Length == 10) return new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        if (text[10] != 'T') return null;
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value)
               && DateOnly.FromDateTime(value.DateTime) == day ? value : null;
    }

    public static DateOnly? Date(string? text) => DateTime(text) is { } value ? DateOnly.FromDateTime(value.DateTime) : null;
}

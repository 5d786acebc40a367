namespace Screening.Interop.Formats;

/// <summary>The formats stored with each reject (<c>rejected_message.format</c>): which reader a replay uses.</summary>
public static class FeedFormats
{
    public const string Hl7v2 = "hl7v2";
    public const string Fhir = "fhir";
    /// <summary>One canonical JSON object (a raw queue message, or a result that failed validation).</summary>
    public const string Json = "json";
    public const string Ndjson = "ndjson";
    public const string Csv = "csv";
    public const string Synthea = "synthea";

    public static readonly IReadOnlyList<string> All = [Hl7v2, Fhir, Json, Ndjson, Csv, Synthea];

    /// <summary>A known format name (case-insensitive), else json.</summary>
    public static string Normalize(string? format)
    {
        var name = format?.Trim().ToLowerInvariant();
        return name is not null && All.Contains(name) ? name : Json;
    }
}

using System.Text.Json;
using System.Text.Json.Serialization;

namespace Screening.Data.Platform;

/// <summary>The JSON shape used for stored payloads, findings and event details: camelCase, enums as strings.</summary>
public static class JsonDefaults
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower) },
    };
}

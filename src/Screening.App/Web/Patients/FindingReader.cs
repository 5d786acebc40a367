using System.Text.Json;
using Screening.Data.Platform;
using Screening.Domain.Screening;

namespace Screening.App.Web.Patients;

/// <summary>Reads the finding JSON stored on a task (the serialized <see cref="Finding"/>); null if unreadable.</summary>
public static class FindingReader
{
    public static Finding? Read(string json)
    {
        try { return JsonSerializer.Deserialize<Finding>(json, JsonDefaults.Options); }
        catch (JsonException) { return null; }
        catch (NotSupportedException) { return null; }
    }
}

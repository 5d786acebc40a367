using System.Text.Json;
using Screening.Data.Platform;

namespace Screening.Data.Outreach;

/// <summary>
/// The one mapper of task-event details (<c>outreach_task_event.detail</c>) between the writers (screen, ingest) and
/// the dispatcher: typed records in, the same typed records out, so a renamed property fails at compile time.
/// </summary>
public static class TaskEventDetails
{
    public static string Write<T>(T detail) where T : class => JsonSerializer.Serialize(detail, JsonDefaults.Options);

    public static T Read<T>(string json) where T : class =>
        JsonSerializer.Deserialize<T>(json, JsonDefaults.Options) ?? throw new JsonException($"Empty {typeof(T).Name} detail.");
}

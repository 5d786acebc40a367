using Screening.Data;
using Screening.Data.Model;

namespace Screening.App.Cli;

/// <summary>Records who saw or changed what (audit_event).</summary>
public static class AuditTrail
{
    public static async Task RecordAsync(ScreeningDb db, string actor, string action, string entityType, int count, CancellationToken ct)
    {
        db.AuditEvents.Add(new AuditEvent
        {
            Actor = actor, Action = action, EntityType = entityType, OccurredAt = DateTimeOffset.UtcNow,
            Detail = System.Text.Json.JsonSerializer.Serialize(new { count }),
        });
        await db.SaveChangesAsync(ct);
    }
}

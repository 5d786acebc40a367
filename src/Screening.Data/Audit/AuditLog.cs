using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Screening.Data.Platform;

namespace Screening.Data.Audit;

/// <summary>Appends one audit_event row: who saw or changed what. The one writer for the CLI, the worklist and rejects.</summary>
public static class AuditLog
{
    /// <summary>Within the caller's transaction (so the audit row commits with what it records).</summary>
    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, string actor, string action, string entityType,
        string? entityId, long? patientKey, object detail, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand(
            "INSERT INTO audit_event (actor, action, entity_type, entity_id, patient_key, detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb)", connection, tx);
        cmd.Parameters.AddWithValue(actor);
        cmd.Parameters.AddWithValue(action);
        cmd.Parameters.AddWithValue(entityType);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)entityId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)patientKey ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.AddWithValue(JsonSerializer.Serialize(detail, JsonDefaults.Options));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>On its own connection (for reads: what someone saw).</summary>
    public static async Task RecordAsync(NpgsqlDataSource dataSource, string actor, string action, string entityType,
        string? entityId, long? patientKey, object detail, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await RecordAsync(connection, null, actor, action, entityType, entityId, patientKey, detail, ct);
    }
}

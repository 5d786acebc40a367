using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Screening.Data;

namespace Screening.App.Web.Shared;

/// <summary>Appends audit_event rows for what worklist users saw or exported (changes are audited with the change itself).</summary>
public sealed class WebAudit(NpgsqlDataSource dataSource)
{
    public async Task RecordAsync(string actor, string action, string entityType, string? entityId, long? patientKey, object detail, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand(
            "INSERT INTO audit_event (actor, action, entity_type, entity_id, patient_key, detail) VALUES ($1, $2, $3, $4, $5, $6::jsonb)");
        cmd.Parameters.AddWithValue(actor);
        cmd.Parameters.AddWithValue(action);
        cmd.Parameters.AddWithValue(entityType);
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)entityId ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Text });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)patientKey ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Bigint });
        cmd.Parameters.AddWithValue(JsonSerializer.Serialize(detail, JsonDefaults.Options));
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

using Npgsql;
using NpgsqlTypes;
using Screening.Domain.Attribution;

namespace Screening.Data.Attribution;

/// <summary>
/// Patient keys by identifier (system, value). Today a patient is identified by <c>patient.source_system</c> and
/// <c>external_id</c>; with issue 14's master patient index this becomes a lookup in <c>patient_identifier</c>.
/// </summary>
public static class PatientIdentifierLookup
{
    public static async Task<IReadOnlyList<(long PatientKey, PatientIdentifier Identifier)>> FindAsync(NpgsqlConnection c, NpgsqlTransaction? tx,
        IReadOnlyList<PatientIdentifier> identifiers, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            SELECT coalesce(p.merged_into, p.patient_key), i.system, i.value
            FROM unnest($1::text[], $2::text[]) AS u(s, v)
            JOIN patient_identifier i ON i.system = u.s AND i.value = u.v JOIN patient p ON p.patient_key = i.patient_key
            ORDER BY 1
            """, c, tx);
        cmd.Parameters.Add(SqlArray.Of(identifiers.Select(i => i.System).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(identifiers.Select(i => i.Value).ToArray(), NpgsqlDbType.Text));
        var found = new List<(long, PatientIdentifier)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) found.Add((r.GetInt64(0), new PatientIdentifier(r.GetString(1), r.GetString(2))));
        return found;
    }
}

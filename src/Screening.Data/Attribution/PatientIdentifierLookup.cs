using Npgsql;
using NpgsqlTypes;
using Screening.Domain.Attribution;
using Screening.Data.Platform;

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
            SELECT p.patient_key, p.source_system, p.external_id
            FROM unnest($1::text[], $2::text[]) AS u(s, v) JOIN patient p ON p.external_id = u.v AND p.source_system = u.s
            ORDER BY p.patient_key
            """, c, tx);
        cmd.Parameters.Add(SqlArray.Of(identifiers.Select(i => i.System).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(identifiers.Select(i => i.Value).ToArray(), NpgsqlDbType.Text));
        var found = new List<(long, PatientIdentifier)>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) found.Add((r.GetInt64(0), new PatientIdentifier(r.GetString(1), r.GetString(2))));
        return found;
    }
}

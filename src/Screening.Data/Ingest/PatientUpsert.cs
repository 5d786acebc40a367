using Npgsql;
using NpgsqlTypes;
using Screening.Contracts;
using Screening.Data.Screening;

namespace Screening.Data.Ingest;

/// <summary>
/// Serialises ingest per patient across worker processes and resolves external ids to patient keys.
/// Advisory locks on every referenced patient are taken first, in one global order, so two workers never
/// deadlock and never interleave their writes (and state recomputation) for the same patient.
/// </summary>
internal static class PatientUpsert
{
    public static async Task<Dictionary<string, long>> UpsertAsync(NpgsqlConnection c, NpgsqlTransaction tx,
        IReadOnlyList<PatientUpdated> updates, IEnumerable<string> referencedIds, DateTimeOffset now, CancellationToken ct)
    {
        var latest = new Dictionary<string, PatientUpdated>(StringComparer.Ordinal);
        foreach (var u in updates) latest[u.PatientId.Trim()] = u;
        var ids = new SortedSet<string>(referencedIds.Select(i => i.Trim()), StringComparer.Ordinal);
        ids.UnionWith(latest.Keys);
        var all = ids.ToArray();

        await using (var lockCmd = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(x, 0) h FROM unnest($1::text[]) x ORDER BY 1) s", c, tx))
        {
            lockCmd.Parameters.Add(new NpgsqlParameter { Value = all, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        if (latest.Count > 0)
        {
            var rows = latest.Values.OrderBy(u => u.PatientId.Trim(), StringComparer.Ordinal).ToArray();
            await using var upsert = new NpgsqlCommand("""
                INSERT INTO patient (external_id, source_system, sex, birth_date, deceased_date, care_team, hospice, opted_out,
                                     demographics_known, updated_at)
                SELECT u.id, u.src, u.sex, u.birth, u.death, coalesce(u.team, 'unassigned'), u.hospice, u.opt, true, $9
                FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::text[], $7::bool[], $8::bool[])
                     AS u(id, src, sex, birth, death, team, hospice, opt)
                ON CONFLICT (external_id) DO UPDATE SET
                    source_system = EXCLUDED.source_system, sex = EXCLUDED.sex, birth_date = EXCLUDED.birth_date,
                    deceased_date = EXCLUDED.deceased_date, care_team = EXCLUDED.care_team, hospice = EXCLUDED.hospice,
                    opted_out = EXCLUDED.opted_out, demographics_known = true, updated_at = EXCLUDED.updated_at
                WHERE (patient.source_system, patient.sex, patient.birth_date, patient.deceased_date, patient.care_team,
                       patient.hospice, patient.opted_out, patient.demographics_known)
                      IS DISTINCT FROM
                      (EXCLUDED.source_system, EXCLUDED.sex, EXCLUDED.birth_date, EXCLUDED.deceased_date, EXCLUDED.care_team,
                       EXCLUDED.hospice, EXCLUDED.opted_out, true)
                """, c, tx);
            upsert.Parameters.Add(Array(rows.Select(r => r.PatientId.Trim()).ToArray(), NpgsqlDbType.Text));
            upsert.Parameters.Add(Array(rows.Select(r => r.SourceSystem).ToArray(), NpgsqlDbType.Text));
            upsert.Parameters.Add(Array(rows.Select(r => StoredCodes.Sex(r.Sex)).ToArray(), NpgsqlDbType.Text));
            upsert.Parameters.Add(Array(rows.Select(r => r.BirthDate).ToArray(), NpgsqlDbType.Date));
            upsert.Parameters.Add(Array(rows.Select(r => r.DeceasedDate).ToArray(), NpgsqlDbType.Date));
            upsert.Parameters.Add(Array(rows.Select(r => string.IsNullOrWhiteSpace(r.CareTeam) ? null : r.CareTeam.Trim()).ToArray(), NpgsqlDbType.Text));
            upsert.Parameters.Add(Array(rows.Select(r => r.Hospice).ToArray(), NpgsqlDbType.Boolean));
            upsert.Parameters.Add(Array(rows.Select(r => r.OptedOut).ToArray(), NpgsqlDbType.Boolean));
            upsert.Parameters.AddWithValue(now);
            await upsert.ExecuteNonQueryAsync(ct);
        }

        await using (var placeholders = new NpgsqlCommand("""
            INSERT INTO patient (external_id) SELECT x FROM unnest($1::text[]) x ORDER BY x ON CONFLICT (external_id) DO NOTHING
            """, c, tx))
        {
            placeholders.Parameters.Add(Array(all, NpgsqlDbType.Text));
            await placeholders.ExecuteNonQueryAsync(ct);
        }

        var keys = new Dictionary<string, long>(all.Length, StringComparer.Ordinal);
        await using var select = new NpgsqlCommand("SELECT external_id, patient_key FROM patient WHERE external_id = ANY($1)", c, tx);
        select.Parameters.Add(Array(all, NpgsqlDbType.Text));
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) keys[reader.GetString(0)] = reader.GetInt64(1);
        return keys;
    }

    internal static NpgsqlParameter Array<T>(T[] values, NpgsqlDbType type) =>
        new() { Value = values, NpgsqlDbType = NpgsqlDbType.Array | type };
}

using Npgsql;
using NpgsqlTypes;
using Screening.Contracts;
using Screening.Data.Platform;
using Screening.Data.Screen;
using Screening.Domain.Codes;

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
            lockCmd.Parameters.Add(SqlArray.Of(all, NpgsqlDbType.Text));
            await lockCmd.ExecuteNonQueryAsync(ct);
        }

        if (latest.Count > 0)
        {
            var rows = latest.Values.OrderBy(u => u.PatientId.Trim(), StringComparer.Ordinal).ToArray();
            // New patients are inserted, known ones updated; an absent (null) field keeps what is on record. The care team is
            // decided afterwards by PatientAttribution (the declared team is one of its facts, validated against care_team).
            await using var upsert = new NpgsqlCommand("""
                WITH u AS (
                    SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::date[], $5::date[], $6::bool[], $7::bool[])
                           AS u(id, src, sex, birth, death, hospice, opt)),
                inserted AS (
                    INSERT INTO patient (external_id, source_system, sex, birth_date, deceased_date, hospice, opted_out,
                                         demographics_known, updated_at)
                    SELECT id, src, sex, birth, death, coalesce(hospice, false), coalesce(opt, false), true, $8
                    FROM u ORDER BY id
                    ON CONFLICT (external_id) DO NOTHING
                    RETURNING external_id)
                UPDATE patient p SET
                    source_system = u.src,
                    sex = CASE WHEN u.sex = 'unknown' THEN p.sex ELSE u.sex END,
                    birth_date = coalesce(u.birth, p.birth_date),
                    deceased_date = coalesce(u.death, p.deceased_date),
                    hospice = coalesce(u.hospice, p.hospice),
                    opted_out = coalesce(u.opt, p.opted_out),
                    demographics_known = true, updated_at = $8
                FROM u
                WHERE p.external_id = u.id AND NOT EXISTS (SELECT 1 FROM inserted i WHERE i.external_id = u.id)
                  AND (p.source_system, p.sex, p.birth_date, p.deceased_date, p.hospice, p.opted_out, p.demographics_known)
                      IS DISTINCT FROM
                      (u.src, CASE WHEN u.sex = 'unknown' THEN p.sex ELSE u.sex END, coalesce(u.birth, p.birth_date),
                       coalesce(u.death, p.deceased_date), coalesce(u.hospice, p.hospice),
                       coalesce(u.opt, p.opted_out), true)
                """, c, tx);
            upsert.Parameters.Add(SqlArray.Of(rows.Select(r => r.PatientId.Trim()).ToArray(), NpgsqlDbType.Text));
            upsert.Parameters.Add(SqlArray.Of(rows.Select(r => r.SourceSystem).ToArray(), NpgsqlDbType.Text));
            upsert.Parameters.Add(SqlArray.Of(rows.Select(r => Sexes.Code(Sexes.Parse(r.Sex))).ToArray(), NpgsqlDbType.Text));
            upsert.Parameters.Add(SqlArray.Of(rows.Select(r => r.BirthDate).ToArray(), NpgsqlDbType.Date));
            upsert.Parameters.Add(SqlArray.Of(rows.Select(r => r.DeceasedDate).ToArray(), NpgsqlDbType.Date));
            upsert.Parameters.Add(SqlArray.Of(rows.Select(r => r.Hospice).ToArray(), NpgsqlDbType.Boolean));
            upsert.Parameters.Add(SqlArray.Of(rows.Select(r => r.OptedOut).ToArray(), NpgsqlDbType.Boolean));
            upsert.Parameters.AddWithValue(now);
            await upsert.ExecuteNonQueryAsync(ct);
        }

        await using (var placeholders = new NpgsqlCommand("""
            INSERT INTO patient (external_id) SELECT x FROM unnest($1::text[]) x ORDER BY x ON CONFLICT (external_id) DO NOTHING
            """, c, tx))
        {
            placeholders.Parameters.Add(SqlArray.Of(all, NpgsqlDbType.Text));
            await placeholders.ExecuteNonQueryAsync(ct);
        }

        var keys = new Dictionary<string, long>(all.Length, StringComparer.Ordinal);
        await using var select = new NpgsqlCommand("SELECT external_id, patient_key FROM patient WHERE external_id = ANY($1)", c, tx);
        select.Parameters.Add(SqlArray.Of(all, NpgsqlDbType.Text));
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) keys[reader.GetString(0)] = reader.GetInt64(1);
        return keys;
    }

}

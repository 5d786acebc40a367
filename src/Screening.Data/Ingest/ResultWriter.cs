using Npgsql;
using NpgsqlTypes;

namespace Screening.Data.Ingest;

/// <summary>
/// Writes result versions set-based: new content is inserted (a repeat of known content is a duplicate by the
/// unique content hash and changes nothing), then the newest inserted version of each identity becomes current.
/// Returns the patients whose evidence changed — including a patient who lost a result to another patient
/// (a wrong-patient correction) — and the new current versions (for critical-value checks).
/// </summary>
public static class ResultWriter
{
    public sealed record Written(int Inserted, HashSet<long> TouchedPatients, List<NewCurrent> NewCurrent);

    public sealed record NewCurrent(long Id, long PatientKey, string SourceSystem, string ResultId, string Loinc,
        decimal? CanonicalValue, string? CanonicalUnit, DateOnly CollectedOn, string Status, string EncounterClass,
        decimal? ReferenceLow, decimal? ReferenceHigh);

    public static async Task<Written> WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<AcceptedResult> results,
        IReadOnlyDictionary<string, long> patientKeys, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var touched = new HashSet<long>();
        if (results.Count == 0) return new Written(0, touched, []);

        var insertedIds = new List<long>(results.Count);
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO lab_result (patient_key, source_system, result_id, content_hash, loinc, analyte, value, unit,
                                    canonical_value, canonical_unit, collected_at, collected_on, status, encounter_class,
                                    reference_low, reference_high, received_at)
            SELECT u.pk, u.src, u.rid, u.hash, u.loinc, u.analyte, u.val, u.unit, u.cval, u.cunit, u.at, u.on_day, u.status,
                   u.enc, u.lo, u.hi, $17
            FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[],
                        $9::numeric[], $10::text[], $11::timestamptz[], $12::date[], $13::text[], $14::text[], $15::numeric[],
                        $16::numeric[]) WITH ORDINALITY
                 AS u(pk, src, rid, hash, loinc, analyte, val, unit, cval, cunit, at, on_day, status, enc, lo, hi, ord)
            ORDER BY u.ord
            ON CONFLICT (source_system, result_id, content_hash) DO NOTHING
            RETURNING id
            """, c, tx))
        {
            var p = insert.Parameters;
            p.Add(PatientUpsert.Array(results.Select(r => patientKeys[r.PatientId]).ToArray(), NpgsqlDbType.Bigint));
            p.Add(PatientUpsert.Array(results.Select(r => r.SourceSystem).ToArray(), NpgsqlDbType.Text));
            p.Add(PatientUpsert.Array(results.Select(r => r.ResultId).ToArray(), NpgsqlDbType.Text));
            p.Add(PatientUpsert.Array(results.Select(r => r.ContentHash()).ToArray(), NpgsqlDbType.Text));
            p.Add(PatientUpsert.Array(results.Select(r => r.Loinc).ToArray(), NpgsqlDbType.Text));
            p.Add(PatientUpsert.Array(results.Select(r => r.Analyte).ToArray(), NpgsqlDbType.Text));
            p.Add(PatientUpsert.Array(results.Select(r => r.Value).ToArray(), NpgsqlDbType.Numeric));
            p.Add(PatientUpsert.Array(results.Select(r => r.Unit).ToArray(), NpgsqlDbType.Text));
            p.Add(PatientUpsert.Array(results.Select(r => r.CanonicalValue).ToArray(), NpgsqlDbType.Numeric));
            p.Add(PatientUpsert.Array(results.Select(r => r.CanonicalUnit).ToArray(), NpgsqlDbType.Text));
            p.Add(PatientUpsert.Array(results.Select(r => r.CollectedAt.ToUniversalTime()).ToArray(), NpgsqlDbType.TimestampTz));
            p.Add(PatientUpsert.Array(results.Select(r => r.CollectedOn).ToArray(), NpgsqlDbType.Date));
            p.Add(PatientUpsert.Array(results.Select(r => r.Status).ToArray(), NpgsqlDbType.Text));
            p.Add(PatientUpsert.Array(results.Select(r => r.EncounterClass).ToArray(), NpgsqlDbType.Text));
            p.Add(PatientUpsert.Array(results.Select(r => r.ReferenceLow).ToArray(), NpgsqlDbType.Numeric));
            p.Add(PatientUpsert.Array(results.Select(r => r.ReferenceHigh).ToArray(), NpgsqlDbType.Numeric));
            p.AddWithValue(receivedAt);
            await using var reader = await insert.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) insertedIds.Add(reader.GetInt64(0));
        }
        if (insertedIds.Count == 0) return new Written(0, touched, []);

        var ids = insertedIds.ToArray();
        await using (var retire = new NpgsqlCommand("""
            UPDATE lab_result l SET is_current = false
            FROM (SELECT DISTINCT source_system, result_id FROM lab_result WHERE id = ANY($1)) n
            WHERE l.is_current AND l.source_system = n.source_system AND l.result_id = n.result_id
            RETURNING l.patient_key
            """, c, tx))
        {
            retire.Parameters.Add(PatientUpsert.Array(ids, NpgsqlDbType.Bigint));
            await using var reader = await retire.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) touched.Add(reader.GetInt64(0));
        }

        var current = new List<NewCurrent>(ids.Length);
        await using (var promote = new NpgsqlCommand("""
            UPDATE lab_result l SET is_current = true,
                   version = (SELECT count(*) FROM lab_result x WHERE x.source_system = l.source_system AND x.result_id = l.result_id)
            FROM (SELECT max(id) AS id FROM lab_result WHERE id = ANY($1) GROUP BY source_system, result_id) m
            WHERE l.id = m.id
            RETURNING l.id, l.patient_key, l.source_system, l.result_id, l.loinc, l.canonical_value, l.canonical_unit,
                      l.collected_on, l.status, l.encounter_class, l.reference_low, l.reference_high
            """, c, tx))
        {
            promote.Parameters.Add(PatientUpsert.Array(ids, NpgsqlDbType.Bigint));
            await using var r = await promote.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                touched.Add(r.GetInt64(1));
                current.Add(new NewCurrent(r.GetInt64(0), r.GetInt64(1), r.GetString(2), r.GetString(3), r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetDecimal(5), r.IsDBNull(6) ? null : r.GetString(6), r.GetFieldValue<DateOnly>(7),
                    r.GetString(8), r.GetString(9), r.IsDBNull(10) ? null : r.GetDecimal(10), r.IsDBNull(11) ? null : r.GetDecimal(11)));
            }
        }
        return new Written(insertedIds.Count, touched, current);
    }
}

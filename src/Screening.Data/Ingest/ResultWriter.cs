using Npgsql;
using NpgsqlTypes;

namespace Screening.Data.Ingest;

/// <summary>
/// Writes result versions set-based: new content is inserted (a repeat of known content is a duplicate by the
/// unique content hash and changes nothing), and the newest new version of each
/// identity is inserted as the current one (the previous current version is retired first), so every row is written once.
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

        // A repeat of the same content inside one batch is a duplicate of its first occurrence (as if inserted twice).
        var rows = new List<(AcceptedResult R, string Hash)>(results.Count);
        var seen = new HashSet<(string, string, string)>();
        foreach (var r in results)
        {
            var hash = r.ContentHash();
            if (seen.Add((r.SourceSystem, r.ResultId, hash))) rows.Add((r, hash));
        }

        // 1. Retire the current version of every identity that receives new content (none during a first backfill).
        var src = rows.Select(x => x.R.SourceSystem).ToArray();
        var rid = rows.Select(x => x.R.ResultId).ToArray();
        var hashes = rows.Select(x => x.Hash).ToArray();
        var retired = new Dictionary<(string, string), int>();
        var identities = new HashSet<(string, string)>(rows.Count);
        var oneVersionEach = rows.All(x => identities.Add((x.R.SourceSystem, x.R.ResultId)));
        await using (var retire = new NpgsqlCommand("""
            UPDATE lab_result l SET is_current = false
            FROM unnest($1::text[], $2::text[], $3::text[]) AS u(src, rid, hash)
            WHERE l.is_current AND l.source_system = u.src AND l.result_id = u.rid AND l.content_hash <> u.hash
              AND NOT EXISTS (SELECT 1 FROM lab_result d WHERE d.source_system = u.src AND d.result_id = u.rid AND d.content_hash = u.hash)
            RETURNING l.patient_key, l.source_system, l.result_id, l.version
            """, c, tx))
        {
            retire.Parameters.Add(SqlArray.Of(src, NpgsqlDbType.Text));
            retire.Parameters.Add(SqlArray.Of(rid, NpgsqlDbType.Text));
            retire.Parameters.Add(SqlArray.Of(hashes, NpgsqlDbType.Text));
            await using var reader = await retire.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                touched.Add(reader.GetInt64(0));
                retired[(reader.GetString(1), reader.GetString(2))] = reader.GetInt32(3);
            }
        }

        // 2. Insert only new content, each row written once: the newest new version of an identity is inserted as the
        //    current one, with its version number (earlier versions + its rank in the batch). No second pass over the rows.
        var inserted = 0;
        var current = new List<NewCurrent>(rows.Count);
        await using (var insert = new NpgsqlCommand(oneVersionEach ? OneVersionEachSql : GeneralSql, c, tx))
        {
            var p = insert.Parameters;
            p.Add(SqlArray.Of(rows.Select(x => patientKeys[x.R.PatientId]).ToArray(), NpgsqlDbType.Bigint));
            p.Add(SqlArray.Of(src, NpgsqlDbType.Text));
            p.Add(SqlArray.Of(rid, NpgsqlDbType.Text));
            p.Add(SqlArray.Of(hashes, NpgsqlDbType.Text));
            p.Add(SqlArray.Of(rows.Select(x => x.R.Loinc).ToArray(), NpgsqlDbType.Text));
            p.Add(SqlArray.Of(rows.Select(x => x.R.Analyte).ToArray(), NpgsqlDbType.Text));
            p.Add(SqlArray.Of(rows.Select(x => x.R.Value).ToArray(), NpgsqlDbType.Numeric));
            p.Add(SqlArray.Of(rows.Select(x => x.R.Unit).ToArray(), NpgsqlDbType.Text));
            p.Add(SqlArray.Of(rows.Select(x => x.R.CanonicalValue).ToArray(), NpgsqlDbType.Numeric));
            p.Add(SqlArray.Of(rows.Select(x => x.R.CanonicalUnit).ToArray(), NpgsqlDbType.Text));
            p.Add(SqlArray.Of(rows.Select(x => x.R.CollectedAt.ToUniversalTime()).ToArray(), NpgsqlDbType.TimestampTz));
            p.Add(SqlArray.Of(rows.Select(x => x.R.CollectedOn).ToArray(), NpgsqlDbType.Date));
            p.Add(SqlArray.Of(rows.Select(x => x.R.Status).ToArray(), NpgsqlDbType.Text));
            p.Add(SqlArray.Of(rows.Select(x => x.R.EncounterClass).ToArray(), NpgsqlDbType.Text));
            p.Add(SqlArray.Of(rows.Select(x => x.R.ReferenceLow).ToArray(), NpgsqlDbType.Numeric));
            p.Add(SqlArray.Of(rows.Select(x => x.R.ReferenceHigh).ToArray(), NpgsqlDbType.Numeric));
            p.AddWithValue(receivedAt);
            if (oneVersionEach)
                p.Add(SqlArray.Of(rows.Select(x => retired.TryGetValue((x.R.SourceSystem, x.R.ResultId), out var v) ? v + 1 : 1).ToArray(),
                    NpgsqlDbType.Integer));
            // Every identity once: the row's content is the input's, so only its key comes back (less to send and decode).
            var byIdentity = oneVersionEach ? rows.ToDictionary(x => (x.R.SourceSystem, x.R.ResultId), x => x.R) : null;
            await using var r = await insert.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                inserted++;
                touched.Add(r.GetInt64(0));
                if (!r.GetBoolean(1)) continue;
                current.Add(byIdentity is null
                    ? new NewCurrent(r.GetInt64(2), r.GetInt64(0), r.GetString(3), r.GetString(4), r.GetString(5),
                        r.IsDBNull(6) ? null : r.GetDecimal(6), r.IsDBNull(7) ? null : r.GetString(7), r.GetFieldValue<DateOnly>(8),
                        r.GetString(9), r.GetString(10), r.IsDBNull(11) ? null : r.GetDecimal(11), r.IsDBNull(12) ? null : r.GetDecimal(12))
                    : FromInput(r.GetInt64(2), r.GetInt64(0), byIdentity[(r.GetString(3), r.GetString(4))]));
            }
        }
        return new Written(inserted, touched, current);
    }

    private static NewCurrent FromInput(long id, long patientKey, AcceptedResult x) => new(id, patientKey, x.SourceSystem, x.ResultId,
        x.Loinc, x.CanonicalValue, x.CanonicalUnit, x.CollectedOn, x.Status, x.EncounterClass, x.ReferenceLow, x.ReferenceHigh);

    private const string Unnest = """
        unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[],
               $9::numeric[], $10::text[], $11::timestamptz[], $12::date[], $13::text[], $14::text[], $15::numeric[],
               $16::numeric[]) WITH ORDINALITY
            AS u(pk, src, rid, hash, loinc, analyte, val, unit, cval, cunit, at, on_day, status, enc, lo, hi, ord)
        """;

    private const string Columns = """
        INSERT INTO lab_result (patient_key, source_system, result_id, content_hash, loinc, analyte, value, unit,
                                canonical_value, canonical_unit, collected_at, collected_on, status, encounter_class,
                                reference_low, reference_high, received_at, is_current, version)
        """;

    private const string Returning = """
        ON CONFLICT (source_system, result_id, content_hash) DO NOTHING
        RETURNING patient_key, is_current, id, source_system, result_id, loinc, canonical_value, canonical_unit,
                  collected_on, status, encounter_class, reference_low, reference_high
        """;

    private const string ReturningKeys = """
        ON CONFLICT (source_system, result_id, content_hash) DO NOTHING
        RETURNING patient_key, is_current, id, source_system, result_id
        """;

    /// <summary>
    /// The common case (every identity once in the batch): each row is current; its version follows the retired one.
    /// The unique content key arbitrates duplicates (and concurrent writers) by itself.
    /// </summary>
    private const string OneVersionEachSql = $"""
        {Columns}
        SELECT u.pk, u.src, u.rid, u.hash, u.loinc, u.analyte, u.val, u.unit, u.cval, u.cunit, u.at, u.on_day, u.status,
               u.enc, u.lo, u.hi, $17, true, u.version
        FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[],
                    $9::numeric[], $10::text[], $11::timestamptz[], $12::date[], $13::text[], $14::text[], $15::numeric[],
                    $16::numeric[], $18::int[]) WITH ORDINALITY
            AS u(pk, src, rid, hash, loinc, analyte, val, unit, cval, cunit, at, on_day, status, enc, lo, hi, version, ord)
        ORDER BY u.ord
        {ReturningKeys}
        """;

    /// <summary>Several versions of one identity in a batch: only new content counts, the newest new one is current.</summary>
    private const string GeneralSql = $"""
        WITH u AS (SELECT * FROM {Unnest}),
        fresh AS (
            SELECT u.*, row_number() OVER (PARTITION BY u.src, u.rid ORDER BY u.ord) AS rank,
                   row_number() OVER (PARTITION BY u.src, u.rid ORDER BY u.ord DESC) = 1 AS newest
            FROM u
            WHERE NOT EXISTS (SELECT 1 FROM lab_result d WHERE d.source_system = u.src AND d.result_id = u.rid AND d.content_hash = u.hash))
        {Columns}
        SELECT f.pk, f.src, f.rid, f.hash, f.loinc, f.analyte, f.val, f.unit, f.cval, f.cunit, f.at, f.on_day, f.status,
               f.enc, f.lo, f.hi, $17, f.newest,
               f.rank + (SELECT count(*) FROM lab_result x WHERE x.source_system = f.src AND x.result_id = f.rid)
        FROM fresh f
        ORDER BY f.ord
        {Returning}
        """;
}

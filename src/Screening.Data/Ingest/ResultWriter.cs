using Npgsql;
using NpgsqlTypes;

namespace Screening.Data.Ingest;

/// <summary>
/// Writes result versions set-based, each row once: new content is inserted (a repeat of known content is a duplicate
/// and changes nothing); the newest new version of each identity is inserted as the current one, after the previous
/// current version is retired. Returns the patients whose evidence changed — including a patient who lost a result to
/// another patient (a wrong-patient correction) — and the new current versions (for critical-value checks).
/// <para>
/// One index probe per identity finds what is stored (<see cref="StoredVersions"/>); what is new, current and its version
/// number are decided here, so the insert is a plain one. Measured: the previous upsert (a retire probe, a content probe
/// and an <c>ON CONFLICT</c> speculative insertion per row) spent 105 s of PostgreSQL time on a 3M-result backfill.
/// The schema still arbitrates: a patient's facts are written under its advisory lock (<see cref="PatientUpsert"/>), so
/// a duplicate of that patient's content committed meanwhile is seen by the probe; and a concurrent new version of the
/// same identity for another patient violates <c>ux_lab_result_current</c> or <c>ux_lab_result_content</c>, failing the
/// transaction, whose retry then sees it.
/// </para>
/// </summary>
public static class ResultWriter
{
    public sealed record Written(int Inserted, HashSet<long> TouchedPatients, List<NewCurrent> NewCurrent);

    public sealed record NewCurrent(long Id, long PatientKey, string SourceSystem, string ResultId, string Loinc,
        decimal? CanonicalValue, string? CanonicalUnit, DateOnly CollectedOn, string Status, string EncounterClass,
        decimal? ReferenceLow, decimal? ReferenceHigh);

    private sealed record Row(AcceptedResult Result, long PatientKey, string Hash, int Version, bool Current);

    public static async Task<Written> WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<AcceptedResult> results,
        Func<string?, string, long> patientKeys, DateTimeOffset receivedAt, CancellationToken ct)
    {
        var touched = new HashSet<long>();
        if (results.Count == 0) return new Written(0, touched, []);

        var stored = await StoredVersions.LoadAsync(c, tx, results, ct);
        // New content only (a repeat inside the batch is a duplicate of its first occurrence), in arrival order per identity.
        var fresh = new Dictionary<(string, string), List<(AcceptedResult R, string Hash)>>();
        var seen = new HashSet<(string, string, string)>();
        foreach (var r in results)
        {
            var hash = r.ContentHash();
            if (!seen.Add((r.SourceSystem, r.ResultId, hash)) || stored.Has(r.SourceSystem, r.ResultId, hash)) continue;
            if (!fresh.TryGetValue((r.SourceSystem, r.ResultId), out var versions)) fresh[(r.SourceSystem, r.ResultId)] = versions = [];
            versions.Add((r, hash));
        }
        if (fresh.Count == 0) return new Written(0, touched, []);

        // The identity's current version is retired by the newest new one; versions number on from the highest stored.
        var retire = new List<long>();
        var rows = new List<Row>(results.Count);
        foreach (var (identity, versions) in fresh)
        {
            var before = stored.Of(identity);
            if (before.CurrentId is { } id) retire.Add(id);
            for (var i = 0; i < versions.Count; i++)
                rows.Add(new Row(versions[i].R, patientKeys(versions[i].R.PatientSystem, versions[i].R.PatientId), versions[i].Hash, before.MaxVersion + i + 1, i == versions.Count - 1));
        }
        if (retire.Count > 0)
        {
            await using var cmd = new NpgsqlCommand(
                "UPDATE lab_result SET is_current = false WHERE id = ANY($1) AND is_current RETURNING patient_key", c, tx);
            cmd.Parameters.Add(SqlArray.Of(retire.ToArray(), NpgsqlDbType.Bigint));
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) touched.Add(reader.GetInt64(0));
        }

        var ids = await InsertAsync(c, tx, rows, receivedAt, ct);
        var current = new List<NewCurrent>(fresh.Count);
        for (var i = 0; i < rows.Count; i++)
        {
            touched.Add(rows[i].PatientKey);
            var x = rows[i].Result;
            if (rows[i].Current)
                current.Add(new NewCurrent(ids[i], rows[i].PatientKey, x.SourceSystem, x.ResultId, x.Loinc, x.CanonicalValue,
                    x.CanonicalUnit, x.CollectedOn, x.Status, x.EncounterClass, x.ReferenceLow, x.ReferenceHigh));
        }
        return new Written(rows.Count, touched, current);
    }

    /// <summary>
    /// Inserts the rows in order and returns their ids in the same order (PostgreSQL returns an <c>INSERT … SELECT …
    /// ORDER BY</c>'s rows in that order; each is checked against its result id, so a change there fails loudly).
    /// </summary>
    private static async Task<long[]> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, List<Row> rows, DateTimeOffset receivedAt,
        CancellationToken ct)
    {
        await using var insert = new NpgsqlCommand("""
            INSERT INTO lab_result (patient_key, source_system, result_id, content_hash, loinc, analyte, value, unit,
                                    canonical_value, canonical_unit, collected_at, collected_on, status, encounter_class,
                                    reference_low, reference_high, received_at, is_current, version)
            SELECT u.pk, u.src, u.rid, u.hash, u.loinc, u.analyte, u.val, u.unit, u.cval, u.cunit, u.at, u.on_day, u.status,
                   u.enc, u.lo, u.hi, $17, u.is_current, u.version
            FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::numeric[], $8::text[],
                        $9::numeric[], $10::text[], $11::timestamptz[], $12::date[], $13::text[], $14::text[], $15::numeric[],
                        $16::numeric[], $18::bool[], $19::int[]) WITH ORDINALITY
                AS u(pk, src, rid, hash, loinc, analyte, val, unit, cval, cunit, at, on_day, status, enc, lo, hi, is_current, version, ord)
            ORDER BY u.ord
            RETURNING id, result_id
            """, c, tx);
        var p = insert.Parameters;
        p.Add(SqlArray.Of(rows.Select(x => x.PatientKey).ToArray(), NpgsqlDbType.Bigint));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.SourceSystem).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.ResultId).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(x => x.Hash).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.Loinc).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.Analyte).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.Value).ToArray(), NpgsqlDbType.Numeric));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.Unit).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.CanonicalValue).ToArray(), NpgsqlDbType.Numeric));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.CanonicalUnit).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.CollectedAt.ToUniversalTime()).ToArray(), NpgsqlDbType.TimestampTz));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.CollectedOn).ToArray(), NpgsqlDbType.Date));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.Status).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.EncounterClass).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.ReferenceLow).ToArray(), NpgsqlDbType.Numeric));
        p.Add(SqlArray.Of(rows.Select(x => x.Result.ReferenceHigh).ToArray(), NpgsqlDbType.Numeric));
        p.AddWithValue(receivedAt);
        p.Add(SqlArray.Of(rows.Select(x => x.Current).ToArray(), NpgsqlDbType.Boolean));
        p.Add(SqlArray.Of(rows.Select(x => x.Version).ToArray(), NpgsqlDbType.Integer));
        var ids = new long[rows.Count];
        var n = 0;
        await using var r = await insert.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            if (n >= rows.Count || r.GetString(1) != rows[n].Result.ResultId)
                throw new InvalidOperationException("lab_result insert returned its rows out of order");
            ids[n++] = r.GetInt64(0);
        }
        if (n != rows.Count) throw new InvalidOperationException($"lab_result insert returned {n} ids for {rows.Count} rows");
        return ids;
    }
}

using Npgsql;
using NpgsqlTypes;
using Screening.Data.Audit;

namespace Screening.Data.Patients;

/// <summary>
/// Reads patients for display and search (identifiers, <c>patient_demographics</c>). Never used by the screening path.
/// Searches and detail views are audited (who, what was searched, how many hits) by the callers that show them:
/// <see cref="SearchAsync"/> and <see cref="ShowAsync"/> record it themselves.
/// </summary>
public sealed class PatientDirectory(NpgsqlDataSource dataSource)
{
    /// <summary>The cards of these patients (a page of tasks); MRN = the MR identifier of <paramref name="mrnSystem"/> (any system when empty).</summary>
    public async Task<Dictionary<long, PatientCard>> CardsAsync(IReadOnlyCollection<long> keys, string mrnSystem, CancellationToken ct)
    {
        var cards = new Dictionary<long, PatientCard>(keys.Count);
        if (keys.Count == 0) return cards;
        await using var cmd = dataSource.CreateCommand(CardSql("p.patient_key = ANY($1)"));
        cmd.Parameters.Add(SqlArray.Of(keys.Distinct().ToArray(), NpgsqlDbType.Bigint));
        cmd.Parameters.AddWithValue(mrnSystem);
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) cards[r.GetInt64(0)] = Card(r);
        return cards;
    }

    private static string CardSql(string where) => $"""
        SELECT p.patient_key, d.family_name, d.given_names, p.birth_date, p.sex, m.system, m.value, d.phones[1], p.care_team, d.pcp_name
        FROM patient p
        LEFT JOIN patient_demographics d ON d.patient_key = p.patient_key
        LEFT JOIN LATERAL (
            SELECT i.system, i.value FROM patient_identifier i
            WHERE i.patient_key = p.patient_key AND (i.type = 'MR' OR i.type IS NULL) AND ($2 = '' OR i.system = $2)
            ORDER BY (i.type = 'MR') DESC NULLS LAST, i.created_at, i.system LIMIT 1) m ON true
        WHERE {where}
        """;

    private static PatientCard Card(NpgsqlDataReader r) => new(r.GetInt64(0), r.IsDBNull(1) ? null : r.GetString(1),
        r.IsDBNull(2) ? [] : r.GetFieldValue<string[]>(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.GetString(4),
        r.IsDBNull(5) ? null : r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetString(7),
        r.GetString(8), r.IsDBNull(9) ? null : r.GetString(9));

    /// <summary>
    /// Patients by identifier value (optionally of one system), or by name prefix (family name, case-insensitive)
    /// with an optional birth date; merged patients are shown as their survivor. Audited: who, what, how many hits.
    /// <paramref name="teams"/> limits the hits to those teams' patients (null: no limit, admin/CLI).
    /// </summary>
    public async Task<IReadOnlyList<PatientCard>> SearchAsync(PatientSearch search, string mrnSystem, IReadOnlyCollection<string>? teams,
        string actor, CancellationToken ct, int limit = 50)
    {
        var where = search.Identifier is not null
            ? "p.patient_key IN (SELECT coalesce(q.merged_into, q.patient_key) FROM patient_identifier i JOIN patient q USING (patient_key) WHERE i.value = $3 AND ($4 = '' OR i.system = $4))"
            : "lower(d.family_name) LIKE $5 AND ($6::date IS NULL OR p.birth_date = $6)";
        var sql = CardSql(where + " AND p.merged_into IS NULL AND ($7::text[] IS NULL OR p.care_team = ANY($7)) ORDER BY d.family_name, p.patient_key LIMIT $8");
        await using var cmd = dataSource.CreateCommand(sql);
        cmd.Parameters.Add(SqlArray.Of(Array.Empty<long>(), NpgsqlDbType.Bigint));
        cmd.Parameters.AddWithValue(mrnSystem);
        cmd.Parameters.AddWithValue(search.Identifier?.Trim() ?? "");
        cmd.Parameters.AddWithValue(search.System?.Trim() ?? "");
        cmd.Parameters.AddWithValue(EscapeLike(search.NamePrefix?.Trim().ToLowerInvariant() ?? "") + "%");
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)search.BirthDate ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        cmd.Parameters.Add(new NpgsqlParameter { Value = (object?)teams?.ToArray() ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Array | NpgsqlDbType.Text });
        cmd.Parameters.AddWithValue(limit);
        var hits = new List<PatientCard>();
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) hits.Add(Card(r));
        await AuditLog.RecordAsync(dataSource, actor, "patients.search", "patient", null, null,
            new { by = search.Identifier is not null ? "identifier" : "name", system = search.System, birthDate = search.BirthDate is not null, hits = hits.Count }, ct);
        return hits;
    }

    /// <summary>Resolves KEY, or SYSTEM + VALUE, to the patient key (following a merge to the survivor when asked).</summary>
    public async Task<long?> FindAsync(string? system, string keyOrValue, CancellationToken ct)
    {
        if (system is null)
        {
            if (!long.TryParse(keyOrValue, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var key)) return null;
            await using var exists = dataSource.CreateCommand("SELECT patient_key FROM patient WHERE patient_key = $1");
            exists.Parameters.AddWithValue(key);
            return await exists.ExecuteScalarAsync(ct) is long found ? found : null;
        }
        await using var cmd = dataSource.CreateCommand("SELECT patient_key FROM patient_identifier WHERE system = $1 AND value = $2");
        cmd.Parameters.AddWithValue(system.Trim());
        cmd.Parameters.AddWithValue(keyOrValue.Trim());
        return await cmd.ExecuteScalarAsync(ct) is long k ? k : null;
    }

    /// <summary>One patient's identifiers, demographics and team. Audited (who viewed which patient key).</summary>
    public async Task<PatientDetail?> ShowAsync(long patientKey, string actor, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            SELECT p.patient_key, d.family_name, d.given_names, p.birth_date, p.sex, p.deceased_date, d.phones, d.address,
                   d.preferred_language, p.care_team, d.pcp_id, d.pcp_name, d.location, d.managing_organization, d.payer, p.merged_into
            FROM patient p LEFT JOIN patient_demographics d USING (patient_key) WHERE p.patient_key = $1
            """);
        cmd.Parameters.AddWithValue(patientKey);
        PatientDetail? detail = null;
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            if (await r.ReadAsync(ct))
            {
                string? S(int i) => r.IsDBNull(i) ? null : r.GetString(i);
                string[] A(int i) => r.IsDBNull(i) ? [] : r.GetFieldValue<string[]>(i);
                detail = new PatientDetail(r.GetInt64(0), [], S(1), A(2), r.IsDBNull(3) ? null : r.GetFieldValue<DateOnly>(3), r.GetString(4),
                    r.IsDBNull(5) ? null : r.GetFieldValue<DateOnly>(5), A(6), A(7), S(8), r.GetString(9), S(10), S(11), S(12), S(13), S(14),
                    r.IsDBNull(15) ? null : r.GetInt64(15));
            }
        if (detail is null) return null;
        var identifiers = new List<PatientIdentifierRow>();
        await using (var ids = dataSource.CreateCommand("SELECT system, value, type FROM patient_identifier WHERE patient_key = $1 ORDER BY created_at, system, value"))
        {
            ids.Parameters.AddWithValue(patientKey);
            await using var r = await ids.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) identifiers.Add(new PatientIdentifierRow(r.GetString(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2)));
        }
        await AuditLog.RecordAsync(dataSource, actor, "patients.show", "patient", patientKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
            patientKey, new { identifiers = identifiers.Count }, ct);
        return detail with { Identifiers = identifiers };
    }

    private static string EscapeLike(string text) => text.Replace("\\", "\\\\").Replace("%", "\\%").Replace("_", "\\_");
}

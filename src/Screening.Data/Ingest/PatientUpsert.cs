using Npgsql;
using NpgsqlTypes;
using Screening.Contracts;
using Screening.Data.Screening;
using Screening.Domain.Identity;
using Screening.Interop;
using Screening.Interop.Identity;

namespace Screening.Data.Ingest;

/// <summary>
/// Resolves a batch's patient identifiers to patient keys (the master patient index) and stores what the batch says
/// about its patients. Deterministic: the same (system, value) is the same patient; identifiers linked to different
/// patients are an <c>identity-conflict</c> (<see cref="PatientMatcher"/>), never a silent merge.
/// <para>
/// Locks: advisory locks on every identifier of the batch first (one global order, so two workers never deadlock and
/// never both create a patient for the same identifier), then on every resolved patient key (a second, disjoint lock
/// space, also ordered), so writes and state recomputation for one patient never interleave even when two batches
/// reach it through different identifiers.
/// </para>
/// </summary>
internal static class PatientUpsert
{
    /// <summary>What the batch's identities resolved to.</summary>
    public sealed record Resolved(
        IReadOnlyDictionary<string, long> Keys,
        IReadOnlyDictionary<string, (string Reason, string Detail)> Refused,
        IReadOnlyList<long> UpdatedPatients,
        IReadOnlyDictionary<long, PatientUpdated> Updates,
        IReadOnlyList<(PatientUpdated Patient, string Reason, string Detail)> RefusedPatients)
    {
        public long? KeyOf(string? system, string id, string defaultSystem) =>
            Keys.TryGetValue(PatientReferences.Key(PatientReferences.Of(system, id, defaultSystem)), out var key) ? key : null;

        public (string Reason, string Detail)? RefusalOf(string? system, string id, string defaultSystem) =>
            Refused.TryGetValue(PatientReferences.Key(PatientReferences.Of(system, id, defaultSystem)), out var why) ? why : null;
    }

    public static async Task<Resolved> UpsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, IdentitySettings settings, string format,
        IReadOnlyList<PatientUpdated> updates, IEnumerable<(string? System, string Id)> references, DateTimeOffset now, CancellationToken ct)
    {
        var defaultSystem = settings.DefaultSystemOf(format);
        var policy = settings.Authorities;
        var claims = new List<IdentityClaim>();
        var refusedPatients = new List<(PatientUpdated, string, string)>();
        var refused = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        var patientClaims = new Dictionary<int, PatientUpdated>();
        for (var i = 0; i < updates.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(updates[i].PatientId))
            {
                refusedPatients.Add((updates[i], RejectReasons.UnknownPatientId, "patientId is empty"));
                continue;
            }
            var unaccepted = PatientReferences.Unaccepted(updates[i], policy);
            if (unaccepted.Count > 0)
            {
                refusedPatients.Add((updates[i], RejectReasons.UnknownAssigningAuthority,
                    $"assigning authority {string.Join(", ", unaccepted.Select(s => $"'{s}'"))} is not configured (Identity:AssigningAuthorities)"));
                continue;
            }
            claims.Add(new IdentityClaim(i, PatientReferences.Of(updates[i], defaultSystem)));
            patientClaims[i] = updates[i];
        }
        var factIds = new HashSet<PatientIdentifier>();
        foreach (var (system, id) in references)
        {
            if (string.IsNullOrWhiteSpace(id)) continue;
            var identifier = PatientReferences.Of(system, id, defaultSystem);
            if (!PatientReferences.Accepted(system, policy))
                refused[PatientReferences.Key(identifier)] = (RejectReasons.UnknownAssigningAuthority,
                    $"assigning authority '{identifier.System}' is not configured (Identity:AssigningAuthorities)");
            else factIds.Add(identifier);
        }
        foreach (var id in factIds.OrderBy(i => i.System, StringComparer.Ordinal).ThenBy(i => i.Value, StringComparer.Ordinal))
            claims.Add(new IdentityClaim(updates.Count + claims.Count, [id]));

        var all = claims.SelectMany(cl => cl.Identifiers).Distinct().ToArray();
        var linked = await LockAndLookupAsync(c, tx, all, ct);
        var resolutions = PatientMatcher.Resolve(claims, id => linked.TryGetValue(id, out var key) ? key : null);

        // New patients (one per group) and identifiers not linked yet, in one statement.
        var groups = resolutions.Values.OfType<IdentityResolution.New>().DistinctBy(n => n.Group).OrderBy(n => n.Group).ToArray();
        var links = new List<(PatientIdentifier Id, long? Known, long? Group)>();
        foreach (var g in groups) links.AddRange(g.Identifiers.Select(i => (i, (long?)null, (long?)(Array.IndexOf(groups, g) + 1))));
        foreach (var k in resolutions.Values.OfType<IdentityResolution.Known>().DistinctBy(k => k.PatientKey))
            links.AddRange(k.NewIdentifiers.Select(i => (i, (long?)k.PatientKey, (long?)null)));
        var created = await InsertAsync(c, tx, groups, links, now, ct);

        var keys = new Dictionary<string, long>(all.Length, StringComparer.Ordinal);
        var updated = new Dictionary<long, PatientUpdated>();
        foreach (var claim in claims)
        {
            long? key = resolutions[claim.Index] switch
            {
                IdentityResolution.Known k => k.PatientKey,
                IdentityResolution.New n => created[Array.FindIndex(groups, g => g.Group == n.Group)],
                _ => null,
            };
            if (resolutions[claim.Index] is IdentityResolution.Conflict conflict)
            {
                if (patientClaims.TryGetValue(claim.Index, out var p)) refusedPatients.Add((p, RejectReasons.IdentityConflict, conflict.Detail));
                foreach (var id in claim.Identifiers) refused[PatientReferences.Key(id)] = (RejectReasons.IdentityConflict, conflict.Detail);
                continue;
            }
            foreach (var id in claim.Identifiers) keys[PatientReferences.Key(id)] = key!.Value;
            if (patientClaims.TryGetValue(claim.Index, out var update))
                updated[key!.Value] = updated.TryGetValue(key.Value, out var earlier) ? PatientFold.Later(earlier, update) : update;
        }

        await LockPatientsAsync(c, tx, keys.Values.Distinct().Order().ToArray(), ct);
        if (updated.Count > 0)
        {
            await UpdateFactsAsync(c, tx, updated, now, ct);
            await DemographicsWriter.WriteAsync(c, tx, updated, now, ct);
        }
        return new Resolved(keys, refused, updated.Keys.Order().ToArray(), updated, refusedPatients);
    }

    private static async Task<Dictionary<PatientIdentifier, long>> LockAndLookupAsync(NpgsqlConnection c, NpgsqlTransaction tx,
        PatientIdentifier[] all, CancellationToken ct)
    {
        var systems = all.Select(i => i.System).ToArray();
        var values = all.Select(i => i.Value).ToArray();
        await using (var lockCmd = new NpgsqlCommand("""
            SELECT pg_advisory_xact_lock(h) FROM (SELECT DISTINCT hashtextextended(s || chr(31) || v, 0) h FROM unnest($1::text[], $2::text[]) u(s, v) ORDER BY 1) x
            """, c, tx))
        {
            lockCmd.Parameters.Add(SqlArray.Of(systems, NpgsqlDbType.Text));
            lockCmd.Parameters.Add(SqlArray.Of(values, NpgsqlDbType.Text));
            await lockCmd.ExecuteNonQueryAsync(ct);
        }
        var linked = new Dictionary<PatientIdentifier, long>(all.Length);
        if (all.Length == 0) return linked;
        await using var select = new NpgsqlCommand("""
            SELECT i.system, i.value, coalesce(p.merged_into, p.patient_key)
            FROM unnest($1::text[], $2::text[]) u(s, v)
            JOIN patient_identifier i ON i.system = u.s AND i.value = u.v
            JOIN patient p ON p.patient_key = i.patient_key
            """, c, tx);
        select.Parameters.Add(SqlArray.Of(systems, NpgsqlDbType.Text));
        select.Parameters.Add(SqlArray.Of(values, NpgsqlDbType.Text));
        await using var reader = await select.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) linked[new PatientIdentifier(reader.GetString(0), reader.GetString(1))] = reader.GetInt64(2);
        return linked;
    }

    private static async Task<long[]> InsertAsync(NpgsqlConnection c, NpgsqlTransaction tx, IdentityResolution.New[] groups,
        List<(PatientIdentifier Id, long? Known, long? Group)> links, DateTimeOffset now, CancellationToken ct)
    {
        if (links.Count == 0) return [];
        await using var cmd = new NpgsqlCommand("""
            WITH n AS MATERIALIZED (
                SELECT g, nextval(pg_get_serial_sequence('patient', 'patient_key')) AS k, ext, src
                FROM unnest($1::text[], $2::text[]) WITH ORDINALITY AS u(ext, src, g)),
            ins AS (
                INSERT INTO patient (patient_key, external_id, source_system, updated_at) OVERRIDING SYSTEM VALUE
                SELECT k, ext, src, $8 FROM n ORDER BY g),
            ids AS (
                INSERT INTO patient_identifier (system, value, type, patient_key)
                SELECT i.sys, i.val, i.typ, coalesce(i.known, n.k)
                FROM unnest($3::text[], $4::text[], $5::text[], $6::bigint[], $7::bigint[]) AS i(sys, val, typ, known, grp)
                LEFT JOIN n ON n.g = i.grp
                ORDER BY i.sys, i.val
                ON CONFLICT DO NOTHING)
            SELECT k FROM n ORDER BY g
            """, c, tx);
        cmd.Parameters.Add(SqlArray.Of(groups.Select(g => g.Identifiers[0].Value).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(groups.Select(g => g.Identifiers[0].System).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(links.Select(l => l.Id.System).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(links.Select(l => l.Id.Value).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(links.Select(l => l.Id.Type).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(links.Select(l => l.Known).ToArray(), NpgsqlDbType.Bigint));
        cmd.Parameters.Add(SqlArray.Of(links.Select(l => l.Group).ToArray(), NpgsqlDbType.Bigint));
        cmd.Parameters.AddWithValue(now);
        var keys = new long[groups.Length];
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        var i = 0;
        while (await reader.ReadAsync(ct)) keys[i++] = reader.GetInt64(0);
        return keys;
    }

    /// <summary>Serialises writers of the same patient (two-int advisory locks: disjoint from the identifier locks).</summary>
    internal static async Task LockPatientsAsync(NpgsqlConnection c, NpgsqlTransaction tx, long[] keys, CancellationToken ct)
    {
        if (keys.Length == 0) return;
        await using var cmd = new NpgsqlCommand(
            "SELECT pg_advisory_xact_lock((k >> 31)::int, (k & 2147483647)::int) FROM (SELECT DISTINCT unnest($1::bigint[]) k ORDER BY 1) x", c, tx);
        cmd.Parameters.Add(SqlArray.Of(keys, NpgsqlDbType.Bigint));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    /// <summary>What the rules read (sex, birth, death, team, exclusions); an absent (null) field keeps what is on record.</summary>
    private static async Task UpdateFactsAsync(NpgsqlConnection c, NpgsqlTransaction tx, Dictionary<long, PatientUpdated> updated,
        DateTimeOffset now, CancellationToken ct)
    {
        var rows = updated.OrderBy(p => p.Key).ToArray();
        await using var upsert = new NpgsqlCommand("""
            UPDATE patient p SET
                sex = CASE WHEN u.sex = 'unknown' THEN p.sex ELSE u.sex END,
                birth_date = coalesce(u.birth, p.birth_date),
                deceased_date = coalesce(u.death, p.deceased_date),
                hospice = coalesce(u.hospice, p.hospice),
                opted_out = coalesce(u.opt, p.opted_out),
                demographics_known = true, updated_at = $8
            FROM unnest($1::bigint[], $2::text[], $3::date[], $4::date[], $5::text[], $6::bool[], $7::bool[])
                 AS u(k, sex, birth, death, team, hospice, opt)
            WHERE p.patient_key = u.k
              AND (p.sex, p.birth_date, p.deceased_date, p.hospice, p.opted_out, p.demographics_known)
                  IS DISTINCT FROM
                  (CASE WHEN u.sex = 'unknown' THEN p.sex ELSE u.sex END, coalesce(u.birth, p.birth_date),
                   coalesce(u.death, p.deceased_date), coalesce(u.hospice, p.hospice),
                   coalesce(u.opt, p.opted_out), true)
            """, c, tx);
        upsert.Parameters.Add(SqlArray.Of(rows.Select(r => r.Key).ToArray(), NpgsqlDbType.Bigint));
        upsert.Parameters.Add(SqlArray.Of(rows.Select(r => StoredCodes.Sex(r.Value.Sex)).ToArray(), NpgsqlDbType.Text));
        upsert.Parameters.Add(SqlArray.Of(rows.Select(r => r.Value.BirthDate).ToArray(), NpgsqlDbType.Date));
        upsert.Parameters.Add(SqlArray.Of(rows.Select(r => r.Value.DeceasedDate).ToArray(), NpgsqlDbType.Date));
        upsert.Parameters.Add(SqlArray.Of(rows.Select(r => string.IsNullOrWhiteSpace(r.Value.CareTeam) ? null : r.Value.CareTeam.Trim()).ToArray(), NpgsqlDbType.Text));
        upsert.Parameters.Add(SqlArray.Of(rows.Select(r => r.Value.Hospice).ToArray(), NpgsqlDbType.Boolean));
        upsert.Parameters.Add(SqlArray.Of(rows.Select(r => r.Value.OptedOut).ToArray(), NpgsqlDbType.Boolean));
        upsert.Parameters.AddWithValue(now);
        await upsert.ExecuteNonQueryAsync(ct);
    }
}

using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Screening.Data.Outreach;
using Screening.Domain.Screening;
using Screening.Data.Platform;
using Screening.Domain.Codes;

namespace Screening.Data.Screen;

/// <summary>
/// Upserts per-patient screening state (<c>patient_condition</c>) from rule outcomes, set-based. Each row says: this
/// outcome holds for every as-of date from <c>evaluated_as_of</c> until <c>stable_until</c> (the first date time
/// alone may change it, reported by the rules), under the rule file <c>rules_fingerprint</c>; the incremental screen
/// reuses it within that window. A row identical to what is stored is not rewritten nor locked (no dead tuple, no WAL):
/// a re-delivered batch or a repeated evaluation on the same date costs reads only.
/// </summary>
public static class ConditionStateWriter
{
    public static async Task WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<(long PatientKey, PatientScreening Screening)> screenings,
        ActiveRules rules, CancellationToken ct)
    {
        var rows = screenings.SelectMany(s => s.Screening.Outcomes.Select(o => (s.PatientKey, s.Screening.AsOf, s.Screening.StableUntil, Outcome: o)))
            .OrderBy(r => r.PatientKey).ThenBy(r => r.Outcome.Rule, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return;
        // Unchanged rows are filtered out by a plain read first: ON CONFLICT DO UPDATE ... WHERE would lock (and so
        // dirty and WAL-log) every existing row even when it then changes nothing.
        await using var cmd = new NpgsqlCommand("""
            WITH u AS (
                SELECT * FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::date[], $6::numeric[], $7::text[], $8::date[],
                                     $9::int[], $10::jsonb[], $12::date[], $13::date[], $14::text[], $16::text[], $17::date[],
                                     $18::text[])
                              AS u(pk, rule, status, reason, since, low, unit, low_on, n, finding, as_of, stable, ekey, priority, due, summary)),
            changed AS (
                SELECT u.* FROM u LEFT JOIN patient_condition c ON c.patient_key = u.pk AND c.rule_id = u.rule
                WHERE c.patient_key IS NULL
                   OR (c.status, c.reason, c.since, c.lowest_value, c.lowest_unit, c.lowest_on, c.evidence_count, c.finding, c.rule_version,
                       c.evaluated_as_of, c.stable_until, c.evidence_key, c.rules_fingerprint, c.priority, c.due_date, c.summary)
                      IS DISTINCT FROM (u.status, u.reason, u.since, u.low, u.unit, u.low_on, u.n, u.finding, $11, u.as_of, u.stable, u.ekey, $15,
                                        u.priority, u.due, u.summary))
            INSERT INTO patient_condition (patient_key, rule_id, status, reason, since, lowest_value, lowest_unit, lowest_on,
                                           evidence_count, finding, rule_version, evaluated_as_of, stable_until, evidence_key,
                                           rules_fingerprint, priority, due_date, summary, updated_at)
            SELECT pk, rule, status, reason, since, low, unit, low_on, n, finding, $11, as_of, stable, ekey, $15, priority, due, summary, now()
            FROM changed ORDER BY pk, rule
            ON CONFLICT (patient_key, rule_id) DO UPDATE SET
                status = EXCLUDED.status, reason = EXCLUDED.reason, since = EXCLUDED.since, lowest_value = EXCLUDED.lowest_value,
                lowest_unit = EXCLUDED.lowest_unit, lowest_on = EXCLUDED.lowest_on, evidence_count = EXCLUDED.evidence_count,
                finding = EXCLUDED.finding, rule_version = EXCLUDED.rule_version, evaluated_as_of = EXCLUDED.evaluated_as_of,
                stable_until = EXCLUDED.stable_until, evidence_key = EXCLUDED.evidence_key,
                rules_fingerprint = EXCLUDED.rules_fingerprint, priority = EXCLUDED.priority, due_date = EXCLUDED.due_date,
                summary = EXCLUDED.summary, updated_at = now()
            """, c, tx);
        var p = cmd.Parameters;
        p.Add(SqlArray.Of(rows.Select(r => r.PatientKey).ToArray(), NpgsqlDbType.Bigint));
        p.Add(SqlArray.Of(rows.Select(r => r.Outcome.Rule).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(r => StoredOutcome.StatusCode(r.Outcome.Kind)).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(r => r.Outcome.Reason).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(r => r.Outcome.Finding?.Since).ToArray(), NpgsqlDbType.Date));
        p.Add(SqlArray.Of(rows.Select(r => r.Outcome.Finding?.Lowest?.Value).ToArray(), NpgsqlDbType.Numeric));
        p.Add(SqlArray.Of(rows.Select(r => r.Outcome.Finding?.Lowest?.Unit).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(r => r.Outcome.Finding?.Lowest?.At).ToArray(), NpgsqlDbType.Date));
        p.Add(SqlArray.Of(rows.Select(r => r.Outcome.Finding?.Evidence.Count ?? 0).ToArray(), NpgsqlDbType.Integer));
        // Serialising findings (and hashing their evidence) is most of this method's CPU: spread it over the cores for
        // large batches (the screen).
        var findings = new string?[rows.Count];
        var evidenceKeys = new string?[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = rows.Count < 512 ? 1 : Environment.ProcessorCount }, i =>
        {
            if (rows[i].Outcome.Finding is not { } f) return;
            findings[i] = FindingStorage.Json(f);
            evidenceKeys[i] = FindingStorage.EvidenceKey(f);
        });
        p.Add(SqlArray.Of(findings, NpgsqlDbType.Jsonb));
        p.AddWithValue(rules.Version);
        p.Add(SqlArray.Of(rows.Select(r => r.AsOf).ToArray(), NpgsqlDbType.Date));
        p.Add(SqlArray.Of(rows.Select(r => r.StableUntil).ToArray(), NpgsqlDbType.Date));
        p.Add(SqlArray.Of(evidenceKeys, NpgsqlDbType.Text));
        p.AddWithValue(rules.Fingerprint);
        p.Add(SqlArray.Of(rows.Select(r => r.Outcome.Finding is { } f ? Priorities.Code(f.Priority) : null).ToArray(), NpgsqlDbType.Text));
        p.Add(SqlArray.Of(rows.Select(r => r.Outcome.Finding?.DueDate).ToArray(), NpgsqlDbType.Date));
        p.Add(SqlArray.Of(rows.Select(r => r.Outcome.Finding?.Summary).ToArray(), NpgsqlDbType.Text));
        await cmd.ExecuteNonQueryAsync(ct);
    }
}

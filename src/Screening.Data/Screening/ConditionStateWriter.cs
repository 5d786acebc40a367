using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Screening.Data.Ingest;
using Screening.Domain.Screening;

namespace Screening.Data.Screening;

/// <summary>
/// Upserts per-patient screening state (<c>patient_condition</c>) from rule outcomes, set-based. A row whose state is
/// unchanged is not rewritten (no dead tuple, no WAL, updated_at keeps when the state last changed): a repeated screen
/// or a re-delivered batch costs index lookups only.
/// </summary>
public static class ConditionStateWriter
{
    public static async Task WriteAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<(long PatientKey, PatientScreening Screening)> screenings,
        string ruleVersion, CancellationToken ct)
    {
        var rows = screenings.SelectMany(s => s.Screening.Outcomes.Select(o => (s.PatientKey, s.Screening.AsOf, Outcome: o)))
            .OrderBy(r => r.PatientKey).ThenBy(r => r.Outcome.Rule, StringComparer.Ordinal).ToList();
        if (rows.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO patient_condition (patient_key, rule_id, status, reason, since, lowest_value, lowest_unit, lowest_on,
                                           evidence_count, finding, rule_version, evaluated_as_of, updated_at)
            SELECT u.pk, u.rule, u.status, u.reason, u.since, u.low, u.unit, u.low_on, u.n, u.finding::jsonb, $11, u.as_of, now()
            FROM unnest($1::bigint[], $2::text[], $3::text[], $4::text[], $5::date[], $6::numeric[], $7::text[], $8::date[],
                        $9::int[], $10::text[], $12::date[]) AS u(pk, rule, status, reason, since, low, unit, low_on, n, finding, as_of)
            ON CONFLICT (patient_key, rule_id) DO UPDATE SET
                status = EXCLUDED.status, reason = EXCLUDED.reason, since = EXCLUDED.since, lowest_value = EXCLUDED.lowest_value,
                lowest_unit = EXCLUDED.lowest_unit, lowest_on = EXCLUDED.lowest_on, evidence_count = EXCLUDED.evidence_count,
                finding = EXCLUDED.finding, rule_version = EXCLUDED.rule_version, evaluated_as_of = EXCLUDED.evaluated_as_of,
                updated_at = now()
            WHERE (patient_condition.status, patient_condition.reason, patient_condition.since, patient_condition.lowest_value,
                   patient_condition.lowest_unit, patient_condition.lowest_on, patient_condition.evidence_count, patient_condition.finding,
                   patient_condition.rule_version, patient_condition.evaluated_as_of)
                  IS DISTINCT FROM
                  (EXCLUDED.status, EXCLUDED.reason, EXCLUDED.since, EXCLUDED.lowest_value, EXCLUDED.lowest_unit, EXCLUDED.lowest_on,
                   EXCLUDED.evidence_count, EXCLUDED.finding, EXCLUDED.rule_version, EXCLUDED.evaluated_as_of)
            """, c, tx);
        var p = cmd.Parameters;
        p.Add(PatientUpsert.Array(rows.Select(r => r.PatientKey).ToArray(), NpgsqlDbType.Bigint));
        p.Add(PatientUpsert.Array(rows.Select(r => r.Outcome.Rule).ToArray(), NpgsqlDbType.Text));
        p.Add(PatientUpsert.Array(rows.Select(r => Status(r.Outcome.Kind)).ToArray(), NpgsqlDbType.Text));
        p.Add(PatientUpsert.Array(rows.Select(r => r.Outcome.Reason).ToArray(), NpgsqlDbType.Text));
        p.Add(PatientUpsert.Array(rows.Select(r => r.Outcome.Finding?.Since).ToArray(), NpgsqlDbType.Date));
        p.Add(PatientUpsert.Array(rows.Select(r => r.Outcome.Finding?.Lowest?.Value).ToArray(), NpgsqlDbType.Numeric));
        p.Add(PatientUpsert.Array(rows.Select(r => r.Outcome.Finding?.Lowest?.Unit).ToArray(), NpgsqlDbType.Text));
        p.Add(PatientUpsert.Array(rows.Select(r => r.Outcome.Finding?.Lowest?.At).ToArray(), NpgsqlDbType.Date));
        p.Add(PatientUpsert.Array(rows.Select(r => r.Outcome.Finding?.Evidence.Count ?? 0).ToArray(), NpgsqlDbType.Integer));
        // Serialising findings is most of this method's CPU: spread it over the cores for large batches (the screen).
        var findings = new string?[rows.Count];
        Parallel.For(0, rows.Count, new ParallelOptions { MaxDegreeOfParallelism = rows.Count < 512 ? 1 : Environment.ProcessorCount },
            i => findings[i] = rows[i].Outcome.Finding is { } f ? JsonSerializer.Serialize(f, JsonDefaults.Options) : null);
        p.Add(PatientUpsert.Array(findings, NpgsqlDbType.Text));
        p.AddWithValue(ruleVersion);
        p.Add(PatientUpsert.Array(rows.Select(r => r.AsOf).ToArray(), NpgsqlDbType.Date));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Status(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Met => "met",
        OutcomeKind.Excluded => "excluded",
        OutcomeKind.Suspended => "suspended",
        _ => "not-met",
    };
}

using Npgsql;
using Screening.Domain.Screening;
using Screening.Data.Platform;

namespace Screening.Data.Screen;

/// <summary>
/// The stored outcomes the incremental screen may reuse for one keyset page instead of re-evaluating: a patient
/// qualifies when every nightly rule has a row evaluated with this exact rule file whose window
/// [evaluated_as_of, stable_until) covers the as-of date, and no current result of theirs is retracted (closing a
/// task for retracted evidence needs the record). Everyone else is re-evaluated.
/// </summary>
public static class ReusableState
{
    public static async Task<Dictionary<long, StoredOutcome[]>> LoadRangeAsync(NpgsqlConnection connection, long from, long to,
        DateOnly asOf, string rulesFingerprint, CancellationToken ct)
    {
        var rules = RuleIds.Nightly;
        var partial = new Dictionary<long, StoredOutcome[]>();
        await using (var cmd = new NpgsqlCommand("""
            SELECT patient_key, rule_id, status, reason, evidence_key
            FROM patient_condition
            WHERE patient_key BETWEEN $1 AND $2 AND rules_fingerprint = $3
              AND evaluated_as_of <= $4 AND (stable_until IS NULL OR stable_until > $4)
            """, connection))
        {
            cmd.Parameters.AddWithValue(from);
            cmd.Parameters.AddWithValue(to);
            cmd.Parameters.AddWithValue(rulesFingerprint);
            cmd.Parameters.AddWithValue(asOf);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                if (!Slot.TryGetValue(r.GetString(1), out var index)) continue;
                var key = r.GetInt64(0);
                if (!partial.TryGetValue(key, out var outcomes)) partial[key] = outcomes = new StoredOutcome[rules.Count];
                outcomes[index] = new StoredOutcome(rules[index], StoredOutcome.ParseStatus(r.GetString(2)),
                    r.IsDBNull(3) ? null : r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4));
            }
        }
        await using (var cmd = new NpgsqlCommand("""
            SELECT DISTINCT patient_key FROM lab_result
            WHERE is_current AND status = 'entered-in-error' AND patient_key BETWEEN $1 AND $2
            """, connection))
        {
            cmd.Parameters.AddWithValue(from);
            cmd.Parameters.AddWithValue(to);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) partial.Remove(r.GetInt64(0));
        }
        foreach (var (key, outcomes) in partial)
            if (Array.IndexOf(outcomes, null) >= 0) partial.Remove(key);
        return partial;
    }

    /// <summary>Each nightly rule's position in <see cref="RuleIds.Nightly"/> (the order outcomes are kept in).</summary>
    private static readonly Dictionary<string, int> Slot =
        RuleIds.Nightly.Select((rule, i) => (rule, i)).ToDictionary(x => x.rule, x => x.i, StringComparer.Ordinal);
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Screening.Data.Audit;

/// <summary>
/// Recomputes the audit_event hash chain (migration V0016) independently of the database's own functions:
/// row_hash = SHA-256(prev_hash || canonical row), genesis 32 zero bytes, rows in chain_seq order without gaps, and the
/// last row equal to audit_chain_head. The first row that does not fit is reported (edited, removed or re-ordered).
/// Note the head hash it prints somewhere the database's owner cannot write: a rewrite of the whole chain changes it.
/// </summary>
public static class AuditChain
{
    public static readonly byte[] Genesis = new byte[32];

    public static async Task<AuditChainVerdict> VerifyAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct); // one snapshot: rows and head agree
        var previous = Genesis;
        long rows = 0, expectedSeq = 1;
        await using (var cmd = new NpgsqlCommand("""
            SELECT chain_seq, id, (extract(epoch FROM occurred_at) * 1000000)::bigint, actor, action, entity_type, entity_id,
                   patient_key, detail::text, prev_hash, row_hash
            FROM audit_event ORDER BY chain_seq
            """, connection, tx))
        {
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct))
            {
                var seq = r.GetInt64(0);
                var id = r.GetInt64(1);
                if (seq != expectedSeq) return AuditChainVerdict.Broken(rows, seq, id, $"chain_seq {expectedSeq} is missing (a row was deleted)");
                var storedPrevious = r.GetFieldValue<byte[]>(9);
                if (!storedPrevious.AsSpan().SequenceEqual(previous)) return AuditChainVerdict.Broken(rows, seq, id, "prev_hash does not match the row before");
                var hash = Hash(previous, Canonical(seq, id, r.GetInt64(2), r.GetString(3), r.GetString(4), r.GetString(5),
                    r.IsDBNull(6) ? null : r.GetString(6), r.IsDBNull(7) ? null : r.GetInt64(7), r.GetString(8)));
                if (!hash.AsSpan().SequenceEqual(r.GetFieldValue<byte[]>(10))) return AuditChainVerdict.Broken(rows, seq, id, "the row was edited (its hash does not match its content)");
                previous = hash;
                rows++;
                expectedSeq++;
            }
        }
        await using (var head = new NpgsqlCommand("SELECT last_seq, last_hash FROM audit_chain_head", connection, tx))
        {
            await using var r = await head.ExecuteReaderAsync(ct);
            if (!await r.ReadAsync(ct)) return AuditChainVerdict.Broken(rows, null, null, "audit_chain_head is missing");
            if (r.GetInt64(0) != rows || !r.GetFieldValue<byte[]>(1).AsSpan().SequenceEqual(previous))
                return AuditChainVerdict.Broken(rows, r.GetInt64(0), null, "the chain head does not match the last row (rows removed at the end?)");
        }
        return new AuditChainVerdict(rows, null, null, null, Convert.ToHexStringLower(previous));
    }

    public static byte[] Hash(byte[] previous, byte[] canonical) => SHA256.HashData([.. previous, .. canonical]);

    /// <summary>The bytes of one row, exactly as audit_event_canonical() in V0016 builds them.</summary>
    public static byte[] Canonical(long seq, long id, long occurredMicros, string actor, string action, string entityType, string? entityId,
        long? patientKey, string detailJson)
    {
        var sb = new StringBuilder("v1;");
        foreach (var field in new[] { I(seq), I(id), I(occurredMicros), actor, action, entityType, entityId, patientKey is { } k ? I(k) : null, detailJson })
            sb.Append(field is null ? "~" : $"{Encoding.UTF8.GetByteCount(field)}:{field}").Append(';');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static string I(long value) => value.ToString(CultureInfo.InvariantCulture);
}

using Screening.Interop;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;
using Screening.Data.Platform;

namespace Screening.Data.Ingest;

/// <summary>Stores rejects with reason and raw payload; the same reject delivered twice is stored once.</summary>
public static class RejectWriter
{
    public static async Task WriteAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string source, string format,
        IReadOnlyList<InputReject> rejects, DateTimeOffset receivedAt, CancellationToken ct)
    {
        if (rejects.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO rejected_message (received_at, source, format, reason_code, detail, location, payload, payload_hash)
            SELECT $1, $2, $3, u.reason, u.detail, u.loc, u.payload, u.hash
            FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(reason, detail, loc, payload, hash)
            ON CONFLICT (payload_hash, reason_code, location) WHERE status = 'rejected' DO NOTHING
            """, c, tx);
        cmd.Parameters.AddWithValue(receivedAt);
        cmd.Parameters.AddWithValue(source);
        cmd.Parameters.AddWithValue(format);
        cmd.Parameters.Add(SqlArray.Of(rejects.Select(r => r.ReasonCode).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rejects.Select(r => r.Detail).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rejects.Select(r => r.Location).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rejects.Select(r => r.Payload).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rejects.Select(r => Hash(r.Payload)).ToArray(), NpgsqlDbType.Text));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    public static string Hash(string payload) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
}

using Screening.Interop;
using System.Security.Cryptography;
using System.Text;
using Npgsql;
using NpgsqlTypes;

namespace Screening.Data.Ingest;

/// <summary>
/// Stores rejects with reason and raw payload; the same reject delivered twice is stored once. Status
/// <c>rejected</c> is bad input; <c>faulted</c> is input the pipeline could not process for another reason (a bug, a
/// delivery-limit breach). Locations and details are cut to <see cref="MaxLocation"/>/<see cref="MaxDetail"/>
/// characters (a 20 KB identifier must not make its own reject unstorable: the location is in a unique index).
/// </summary>
public static class RejectWriter
{
    public const int MaxLocation = 200;
    public const int MaxDetail = 1000;

    public static async Task WriteAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string source, string format,
        IReadOnlyList<InputReject> rejects, DateTimeOffset receivedAt, CancellationToken ct, string status = "rejected")
    {
        if (rejects.Count == 0) return;
        await using var cmd = new NpgsqlCommand("""
            INSERT INTO rejected_message (received_at, source, format, reason_code, detail, location, payload, payload_hash, status)
            SELECT $1, $2, $3, u.reason, u.detail, u.loc, u.payload, u.hash, $9
            FROM unnest($4::text[], $5::text[], $6::text[], $7::text[], $8::text[]) AS u(reason, detail, loc, payload, hash)
            ON CONFLICT (payload_hash, reason_code, location) WHERE status IN ('rejected', 'faulted') DO NOTHING
            """, c, tx);
        cmd.Parameters.AddWithValue(receivedAt);
        cmd.Parameters.AddWithValue(source);
        cmd.Parameters.AddWithValue(format);
        cmd.Parameters.Add(SqlArray.Of(rejects.Select(r => r.ReasonCode).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rejects.Select(r => Cut(Rejects.PayloadText.Clean(r.Detail), MaxDetail)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rejects.Select(r => Cut(Rejects.PayloadText.Clean(r.Location), MaxLocation)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rejects.Select(r => Rejects.PayloadText.Clean(r.Payload)).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(rejects.Select(r => Hash(Rejects.PayloadText.Clean(r.Payload))).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.AddWithValue(status);
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private static string Cut(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    public static string Hash(string payload) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(payload)));
}

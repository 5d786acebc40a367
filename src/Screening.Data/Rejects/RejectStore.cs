using Screening.Data.Audit;
using System.Text.Json;
using Npgsql;

namespace Screening.Data.Rejects;

/// <summary>One stored reject without its payload (lists never carry PHI payloads).</summary>
public sealed record RejectRow(long Id, DateTimeOffset ReceivedAt, string Source, string Format, string ReasonCode, string Detail,
    string Location, string Status, DateTimeOffset? ReplayedAt, string? ReplayNote);

/// <summary>One reject with its payload (PHI): read only through <see cref="RejectStore.ShowAsync"/>, which audits it.</summary>
public sealed record RejectDetail(RejectRow Row, string Payload, string PayloadHash);

/// <summary>Which rejects: by reason, received since a day, status (rejected by default; "all" for any).</summary>
public sealed record RejectFilter(string? Reason = null, DateOnly? Since = null, string? Status = "rejected", long? Id = null);

/// <summary>Reads the reject store (<c>rejected_message</c>) for the CLI: counts per reason, lists, and audited detail.</summary>
public sealed class RejectStore(NpgsqlDataSource dataSource)
{
    /// <summary>The filter status replay takes: rejects and faults not yet replayed.</summary>
    public const string Replayable = "rejected+faulted";

    private const string Columns = "id, received_at, source, format, reason_code, detail, location, status, replayed_at, replay_note";

    public async Task<IReadOnlyList<(string Reason, long Count)>> CountsAsync(RejectFilter filter, CancellationToken ct)
    {
        await using var cmd = Command($"SELECT reason_code, count(*) FROM rejected_message WHERE {Where(filter, out var args)} GROUP BY reason_code ORDER BY count(*) DESC, reason_code");
        foreach (var a in args) cmd.Parameters.Add(a);
        var counts = new List<(string, long)>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) counts.Add((reader.GetString(0), reader.GetInt64(1)));
        return counts;
    }

    public async Task<IReadOnlyList<RejectRow>> ListAsync(RejectFilter filter, int limit, CancellationToken ct)
    {
        await using var cmd = Command($"SELECT {Columns} FROM rejected_message WHERE {Where(filter, out var args)} ORDER BY id DESC LIMIT {Math.Max(1, limit)}");
        foreach (var a in args) cmd.Parameters.Add(a);
        var rows = new List<RejectRow>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) rows.Add(Row(reader));
        return rows;
    }

    /// <summary>The reject with its payload; records an audit_event (who looked at which payload) in the same transaction.</summary>
    public async Task<RejectDetail?> ShowAsync(long id, string actor, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        RejectDetail? detail = null;
        await using (var cmd = new NpgsqlCommand($"SELECT {Columns}, payload, payload_hash FROM rejected_message WHERE id = $1", connection, tx))
        {
            cmd.Parameters.AddWithValue(id);
            await using var reader = await cmd.ExecuteReaderAsync(ct);
            if (await reader.ReadAsync(ct)) detail = new RejectDetail(Row(reader), reader.GetString(10), reader.GetString(11));
        }
        await AuditLog.RecordAsync(connection, tx, actor, "rejects.show", "rejected_message", id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            null, new { found = detail is not null, payloadShown = detail is not null, reason = detail?.Row.ReasonCode }, ct);
        await tx.CommitAsync(ct);
        return detail;
    }

    internal static string Where(RejectFilter filter, out List<NpgsqlParameter> args)
    {
        args = [];
        var clauses = new List<string> { "true" };
        if (filter.Id is { } id) { args.Add(new NpgsqlParameter { Value = id }); clauses.Add($"id = ${args.Count}"); }
        if (!string.IsNullOrWhiteSpace(filter.Reason)) { args.Add(new NpgsqlParameter { Value = filter.Reason.Trim() }); clauses.Add($"reason_code = ${args.Count}"); }
        if (filter.Since is { } since) { args.Add(new NpgsqlParameter { Value = since }); clauses.Add($"received_at >= ${args.Count}::date"); }
        if (filter.Status == Replayable) clauses.Add("status IN ('rejected', 'faulted')");
        else if (filter.Status is { } status && status != "all") { args.Add(new NpgsqlParameter { Value = status }); clauses.Add($"status = ${args.Count}"); }
        return string.Join(" AND ", clauses);
    }

    private NpgsqlCommand Command(string sql) => dataSource.CreateCommand(sql);

    private static RejectRow Row(NpgsqlDataReader r) => new(r.GetInt64(0), r.GetFieldValue<DateTimeOffset>(1), r.GetString(2), r.GetString(3),
        r.GetString(4), r.GetString(5), r.GetString(6), r.GetString(7), r.IsDBNull(8) ? null : r.GetFieldValue<DateTimeOffset>(8),
        r.IsDBNull(9) ? null : r.GetString(9));
}

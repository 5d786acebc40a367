using System.Text.Json;
using Microsoft.Extensions.Logging;
using Npgsql;
using NpgsqlTypes;
using Screening.Data.Ingest;
using Screening.Interop.Mapping;

namespace Screening.Data.Rejects;

/// <summary>What a replay did.</summary>
public sealed record ReplaySummary(int Payloads, int Rows, int Replayed, int RejectedAgain, int Skipped, int Accepted, int Duplicates, int Ignored,
    IReadOnlyDictionary<string, int> StillRejectedByReason);

/// <summary>
/// Replays stored rejects (and faulted messages, status <c>faulted</c>) after a mapping or code fix: each distinct payload is re-read with the CURRENT readers and
/// the given local-code map and ingested as one batch. In that batch's transaction the rows are claimed (so two replays
/// never take the same rows, and new reject rows can be written for what still fails); after commit they are marked
/// <c>replayed</c> when their unit now reads and validates without a reject, else <c>rejected-again</c>, with the
/// outcome in <c>replay_note</c> (an HL7 message is judged per OBX, see <see cref="StillFails"/>). Ingest is idempotent, so replaying a payload whose results are stored changes nothing.
/// </summary>
public sealed class RejectReplay(NpgsqlDataSource dataSource, ClinicalRecordsIngest ingest, ILogger<RejectReplay> logger)
{
    public async Task<ReplaySummary> ReplayAsync(RejectFilter filter, LocalCodeMap codes, string actor, CancellationToken ct)
    {
        var groups = await GroupsAsync(filter with { Status = RejectStore.Replayable }, ct);
        int rows = 0, replayed = 0, again = 0, skipped = 0, accepted = 0, duplicates = 0, ignored = 0;
        var still = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var group in groups)
        {
            var (format, payload, location) = await PayloadAsync(group.FirstId, ct);
            var outcome = PayloadReader.ReadStored(format, payload, location, codes);
            long[] claimed = [];
            var batch = new IngestBatch("replay", format, outcome.Patients, outcome.Results, outcome.Conditions, outcome.Procedures,
                outcome.Rejects, outcome.Ignored)
            {
                Merges = outcome.Merges,
                InTransaction = async (c, tx, token) =>
                {
                    claimed = await ClaimAsync(c, tx, group.Ids, token);
                    if (claimed.Length == 0) throw new AlreadyReplayedException();
                },
            };
            IngestSummary summary;
            try { summary = await ingest.IngestAsync(batch, ct); }
            catch (AlreadyReplayedException) { skipped += group.Ids.Length; continue; }

            var note = Note(summary);
            var failing = claimed.Where(id => StillFails(format, payload, group.Locations[Array.IndexOf(group.Ids, id)], outcome.Rejects, summary)).ToArray();
            var fixedRows = claimed.Except(failing).ToArray();
            if (fixedRows.Length > 0) await MarkAsync(fixedRows, "replayed", note, ct);
            if (failing.Length > 0) await MarkAsync(failing, "rejected-again", note, ct);
            rows += claimed.Length;
            skipped += group.Ids.Length - claimed.Length;
            replayed += fixedRows.Length;
            again += failing.Length;
            accepted += summary.Accepted;
            duplicates += summary.Duplicates;
            ignored += summary.Ignored;
            foreach (var (reason, n) in summary.RejectedByReason) still[reason] = still.GetValueOrDefault(reason) + n;
        }
        var result = new ReplaySummary(groups.Count, rows, replayed, again, skipped, accepted, duplicates, ignored, still);
        await AuditAsync(actor, filter, result, ct);
        logger.LogInformation("Replayed {Rows} reject rows ({Payloads} payloads): {Replayed} replayed, {Again} rejected again, {Accepted} results accepted",
            rows, groups.Count, replayed, again, accepted);
        return result;
    }

    private static string Note(IngestSummary s)
    {
        var text = $"accepted {s.Accepted}, duplicate {s.Duplicates}, ignored {s.Ignored}, rejected {s.Rejected}";
        return s.Rejected == 0 ? text : text + " (" + string.Join(", ", s.RejectedByReason.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key} {p.Value}")) + ")";
    }

    /// <summary>
    /// Whether the unit a reject row stands for still fails. An HL7 v2 payload is a whole message holding many units
    /// (one per OBX): its row still fails if the re-read rejects the same segment again (OBX[5]-3 → OBX[5]) or the
    /// message as a whole; results that now read but fail validation get new reject rows of their own. Every other
    /// payload is one unit (a resource, a line, a row, a result): any reject means it still fails.
    /// </summary>
    internal static bool StillFails(string format, string payload, string location, IReadOnlyList<Interop.InputReject> readerRejects, IngestSummary summary)
    {
        if (format != FeedFormats.Hl7v2 || payload.TrimStart().StartsWith('{') || payload.StartsWith(PayloadText.Base64Prefix, StringComparison.Ordinal))
            return summary.Rejected > 0;
        var unit = Unit(location);
        return readerRejects.Any(r => Unit(r.Location) is not { } other || other == unit);
    }

    private static string? Unit(string location)
    {
        var match = System.Text.RegularExpressions.Regex.Match(location, @"^([A-Z][A-Z0-9]{2}\[\d+\])");
        return match.Success ? match.Groups[1].Value : null;
    }

    private sealed record Group(long FirstId, long[] Ids, string[] Locations);

    private async Task<List<Group>> GroupsAsync(RejectFilter filter, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT min(id), array_agg(id ORDER BY id), array_agg(location ORDER BY id) FROM rejected_message WHERE {RejectStore.Where(filter, out var args)}
            GROUP BY format, payload_hash ORDER BY min(id)
            """);
        foreach (var a in args) cmd.Parameters.Add(a);
        var groups = new List<Group>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) groups.Add(new Group(reader.GetInt64(0), reader.GetFieldValue<long[]>(1), reader.GetFieldValue<string[]>(2)));
        return groups;
    }

    private async Task<(string Format, string Payload, string Location)> PayloadAsync(long id, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT format, payload, location FROM rejected_message WHERE id = $1");
        cmd.Parameters.AddWithValue(id);
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        return (FeedFormats.Normalize(reader.GetString(0)), reader.GetString(1), reader.GetString(2));
    }

    private static async Task<long[]> ClaimAsync(NpgsqlConnection c, NpgsqlTransaction tx, long[] ids, CancellationToken ct)
    {
        await using var cmd = new NpgsqlCommand("""
            UPDATE rejected_message SET status = 'rejected-again', replayed_at = now(), replay_note = 'replay in progress'
            WHERE id = ANY($1) AND status IN ('rejected', 'faulted') RETURNING id
            """, c, tx);
        cmd.Parameters.Add(SqlArray.Of(ids, NpgsqlDbType.Bigint));
        var claimed = new List<long>();
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct)) claimed.Add(reader.GetInt64(0));
        return claimed.ToArray();
    }

    private async Task MarkAsync(long[] ids, string status, string note, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("UPDATE rejected_message SET status = $2, replayed_at = now(), replay_note = $3 WHERE id = ANY($1)");
        cmd.Parameters.Add(SqlArray.Of(ids, NpgsqlDbType.Bigint));
        cmd.Parameters.AddWithValue(status);
        cmd.Parameters.AddWithValue(note);
        await cmd.ExecuteNonQueryAsync(CancellationToken.None);
    }

    private async Task AuditAsync(string actor, RejectFilter filter, ReplaySummary s, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("""
            INSERT INTO audit_event (actor, action, entity_type, entity_id, detail) VALUES ($1, 'rejects.replay', 'rejected_message', $2, $3::jsonb)
            """);
        cmd.Parameters.AddWithValue(actor);
        cmd.Parameters.AddWithValue(filter.Id is { } id ? id.ToString(System.Globalization.CultureInfo.InvariantCulture) : (object)DBNull.Value);
        cmd.Parameters.AddWithValue(JsonSerializer.Serialize(new
        {
            reason = filter.Reason, since = filter.Since, rows = s.Rows, replayed = s.Replayed, rejectedAgain = s.RejectedAgain, accepted = s.Accepted,
        }));
        await cmd.ExecuteNonQueryAsync(ct);
    }

    private sealed class AlreadyReplayedException() : Exception("the reject rows were replayed by someone else");
}

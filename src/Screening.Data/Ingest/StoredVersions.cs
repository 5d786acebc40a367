using Npgsql;
using NpgsqlTypes;
using Screening.Data.Platform;

namespace Screening.Data.Ingest;

/// <summary>
/// The stored versions of a batch's result identities, found with one probe of <c>ux_lab_result_content</c> per
/// identity (its leading columns): which contents are known, which row is current, the highest version number.
/// During a backfill nothing is found and only the index is read.
/// </summary>
internal sealed class StoredVersions
{
    public readonly record struct Identity(long? CurrentId, int MaxVersion);

    private readonly HashSet<(string, string, string)> contents = [];
    private readonly Dictionary<(string, string), Identity> identities = [];

    public bool Has(string sourceSystem, string resultId, string contentHash) => contents.Contains((sourceSystem, resultId, contentHash));

    public Identity Of((string SourceSystem, string ResultId) identity) => identities.GetValueOrDefault(identity);

    public static async Task<StoredVersions> LoadAsync(NpgsqlConnection c, NpgsqlTransaction tx, IReadOnlyList<AcceptedResult> results,
        CancellationToken ct)
    {
        var batch = results.Select(r => (r.SourceSystem, r.ResultId)).Distinct().ToArray();
        await using var cmd = new NpgsqlCommand("""
            SELECT l.source_system, l.result_id, l.content_hash, l.is_current, l.id, l.version
            FROM unnest($1::text[], $2::text[]) AS u(src, rid)
            JOIN lab_result l ON l.source_system = u.src AND l.result_id = u.rid
            """, c, tx);
        cmd.Parameters.Add(SqlArray.Of(batch.Select(b => b.SourceSystem).ToArray(), NpgsqlDbType.Text));
        cmd.Parameters.Add(SqlArray.Of(batch.Select(b => b.ResultId).ToArray(), NpgsqlDbType.Text));
        var stored = new StoredVersions();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var identity = (r.GetString(0), r.GetString(1));
            stored.contents.Add((identity.Item1, identity.Item2, r.GetString(2)));
            var known = stored.identities.GetValueOrDefault(identity);
            stored.identities[identity] = new Identity(r.GetBoolean(3) ? r.GetInt64(4) : known.CurrentId, Math.Max(known.MaxVersion, r.GetInt32(5)));
        }
        return stored;
    }
}

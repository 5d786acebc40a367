using Npgsql;
using NpgsqlTypes;
using Screening.Domain.Attribution;
using Screening.Data.Platform;

namespace Screening.Data.Attribution;

/// <summary>
/// The ingest's one call for attribution: given the patients a batch describes and what the feed says about them
/// (<see cref="AttributionFacts"/>), decide each patient's team with the attribution data in force (active teams, rules,
/// the panel lines of these identifiers; <see cref="CareTeamAttribution"/>) and write the changes
/// (<see cref="AttributionWriter"/>), all in the caller's transaction.
/// </summary>
public static class PatientAttribution
{
    public const string IngestActor = "ingest";

    public static async Task<IReadOnlyList<AttributionMove>> AssignAsync(NpgsqlConnection connection, NpgsqlTransaction transaction,
        IReadOnlyList<(long PatientKey, AttributionFacts Facts)> patients, CancellationToken ct, string actor = IngestActor, bool auditEvery = false)
    {
        if (patients.Count == 0) return [];
        var latest = new Dictionary<long, AttributionFacts>();
        foreach (var (key, facts) in patients) latest[key] = facts;
        var identifiers = latest.Values.SelectMany(f => f.Identifiers).Distinct().ToArray();
        var (table, current) = await LoadAsync(connection, transaction, latest.Keys.Order().ToArray(), identifiers, ct);

        var moves = new List<(long, string, string)>();
        foreach (var (key, facts) in latest)
        {
            if (!current.TryGetValue(key, out var now)) continue;
            if (CareTeamAttribution.Reconcile(now.Team, now.Reason, CareTeamAttribution.Decide(facts, table)) is { } d)
                moves.Add((key, d.Team, d.Reason));
        }
        return await AttributionWriter.MoveAsync(connection, transaction, moves, actor, auditEvery, ct, keepManual: true);
    }

    /// <summary>The attribution data in force for these identifiers, and the patients' current teams — one round trip.</summary>
    private static async Task<(AttributionTable Table, Dictionary<long, (string Team, string? Reason)> Current)> LoadAsync(
        NpgsqlConnection c, NpgsqlTransaction tx, long[] keys, PatientIdentifier[] identifiers, CancellationToken ct)
    {
        await using var batch = new NpgsqlBatch(c, tx)
        {
            BatchCommands =
            {
                new NpgsqlBatchCommand("SELECT id FROM care_team WHERE active"),
                new NpgsqlBatchCommand("SELECT basis, match_value, team FROM attribution_rule WHERE active"),
                new NpgsqlBatchCommand("""
                    SELECT a.identifier_system, a.identifier_value, a.team, a.panel
                    FROM unnest($1::text[], $2::text[]) AS u(s, v)
                    JOIN attribution_panel a ON a.identifier_system = u.s AND a.identifier_value = u.v
                    """)
                {
                    Parameters =
                    {
                        SqlArray.Of(identifiers.Select(i => i.System.Trim()).ToArray(), NpgsqlDbType.Text),
                        SqlArray.Of(identifiers.Select(i => i.Value.Trim()).ToArray(), NpgsqlDbType.Text),
                    },
                },
                new NpgsqlBatchCommand("SELECT patient_key, care_team, attribution_reason FROM patient WHERE patient_key = ANY($1)")
                {
                    Parameters = { SqlArray.Of(keys, NpgsqlDbType.Bigint) },
                },
            },
        };
        var teams = new List<string>();
        var rules = new List<AttributionRule>();
        var panel = new List<PanelEntry>();
        var current = new Dictionary<long, (string, string?)>(keys.Length);
        await using var r = await batch.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) teams.Add(r.GetString(0));
        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct)) rules.Add(new AttributionRule(AttributionBases.Parse(r.GetString(0)), r.GetString(1), r.GetString(2)));
        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct)) panel.Add(new PanelEntry(new PatientIdentifier(r.GetString(0), r.GetString(1)), r.GetString(2), r.GetString(3)));
        await r.NextResultAsync(ct);
        while (await r.ReadAsync(ct)) current[r.GetInt64(0)] = (r.GetString(1), r.IsDBNull(2) ? null : r.GetString(2));
        return (new AttributionTable(teams, rules, panel), current);
    }
}

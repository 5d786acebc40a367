using Npgsql;
using Screening.Data.Audit;
using Screening.Domain.Attribution;
using Screening.Data.Platform;
using Screening.Domain.Codes;

namespace Screening.Data.Attribution;

/// <summary>
/// The care teams and the attribution table, as admins manage them (CLI <c>screening teams …</c> and the admin page).
/// Every change is audited in the same transaction. Bad input throws <see cref="AttributionInputException"/>.
/// </summary>
public sealed class CareTeams(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<TeamRow>> ListAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT t.id, t.display_name, t.active,
                   (SELECT count(*) FROM patient p WHERE p.care_team = t.id),
                   (SELECT count(*) FROM outreach_task o WHERE o.care_team = t.id AND o.status IN {TaskStatuses.OpenSqlList})
            FROM care_team t ORDER BY t.id = 'unassigned' DESC, t.id
            """);
        var rows = new List<TeamRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) rows.Add(new TeamRow(r.GetString(0), r.GetString(1), r.GetBoolean(2), r.GetInt64(3), r.GetInt64(4)));
        return rows;
    }

    /// <summary>The active teams work can be assigned to (the unassigned queue included), ordered.</summary>
    public async Task<IReadOnlyList<string>> ActiveAsync(CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand("SELECT id FROM care_team WHERE active ORDER BY id");
        var rows = new List<string>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct)) rows.Add(r.GetString(0));
        return rows;
    }

    /// <summary>Throws unless <paramref name="team"/> is an existing, active team.</summary>
    public static async Task RequireActiveAsync(NpgsqlConnection c, NpgsqlTransaction? tx, string? team, CancellationToken ct)
    {
        if (!CareTeamAttribution.IsValidTeamId(team)) throw new AttributionInputException($"'{team}' is not a team id (letters, digits, '.', '-', '_'; at most 64).");
        await using var cmd = new NpgsqlCommand("SELECT active FROM care_team WHERE id = $1", c, tx);
        cmd.Parameters.AddWithValue(team!);
        var active = await cmd.ExecuteScalarAsync(ct);
        if (active is null) throw new AttributionInputException($"Unknown team '{team}' (see 'screening teams list').");
        if (active is false) throw new AttributionInputException($"Team '{team}' is disabled.");
    }

    public async Task AddAsync(string id, string? displayName, string actor, CancellationToken ct)
    {
        if (!CareTeamAttribution.IsValidTeamId(id)) throw new AttributionInputException($"'{id}' is not a team id (letters, digits, '.', '-', '_'; at most 64).");
        var name = string.IsNullOrWhiteSpace(displayName) ? id : displayName.Trim();
        if (name.Length > 200) throw new AttributionInputException("A display name may have at most 200 characters.");
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO care_team (id, display_name, created_by) VALUES ($1, $2, $3)
            ON CONFLICT (id) DO UPDATE SET active = true, display_name = EXCLUDED.display_name WHERE NOT care_team.active
            """, c, tx))
        {
            cmd.Parameters.AddWithValue(id);
            cmd.Parameters.AddWithValue(name);
            cmd.Parameters.AddWithValue(actor);
            if (await cmd.ExecuteNonQueryAsync(ct) == 0) throw new AttributionInputException($"Team '{id}' already exists.");
        }
        await AuditLog.RecordAsync(c, tx, actor, "team.add", "care_team", id, null, new { displayName = name }, ct);
        await tx.CommitAsync(ct);
    }

    /// <summary>
    /// Disables a team: nothing new is attributed or assigned to it; its patients (and their open tasks) go to the
    /// unassigned queue with the reason <c>team-disabled:ID</c>, audited and announced. Returns how many patients moved.
    /// </summary>
    public async Task<int> DisableAsync(string id, string actor, CancellationToken ct)
    {
        if (id == CareTeamAttribution.Unassigned) throw new AttributionInputException("The unassigned queue cannot be disabled.");
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await RequireActiveAsync(c, tx, id, ct);
        await using (var cmd = new NpgsqlCommand("UPDATE care_team SET active = false WHERE id = $1", c, tx))
        {
            cmd.Parameters.AddWithValue(id);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var keys = new List<long>();
        await using (var cmd = new NpgsqlCommand("SELECT patient_key FROM patient WHERE care_team = $1 ORDER BY patient_key", c, tx))
        {
            cmd.Parameters.AddWithValue(id);
            await using var r = await cmd.ExecuteReaderAsync(ct);
            while (await r.ReadAsync(ct)) keys.Add(r.GetInt64(0));
        }
        var moved = await AttributionWriter.MoveAsync(c, tx, keys.Select(k => (k, CareTeamAttribution.Unassigned, "team-disabled:" + id)).ToList(), actor, true, ct);
        await AuditLog.RecordAsync(c, tx, actor, "team.disable", "care_team", id, null, new { patientsMoved = moved.Count }, ct);
        await tx.CommitAsync(ct);
        return moved.Count;
    }

    public async Task<IReadOnlyList<RuleRow>> RulesAsync(bool includeInactive, CancellationToken ct)
    {
        await using var cmd = dataSource.CreateCommand($"""
            SELECT id, basis, match_value, team, note, active, created_at, created_by FROM attribution_rule
            {(includeInactive ? "" : "WHERE active")}
            ORDER BY array_position(ARRAY['pcp', 'location', 'organization', 'payer'], basis), upper(match_value), id
            """);
        var rows = new List<RuleRow>();
        await using var r = await cmd.ExecuteReaderAsync(ct);
        while (await r.ReadAsync(ct))
            rows.Add(new RuleRow(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetString(4), r.GetBoolean(5),
                r.GetFieldValue<DateTimeOffset>(6), r.GetString(7)));
        return rows;
    }

    /// <summary>
    /// Adds a rule (basis, value → team); an active rule for the same basis and value is replaced (kept inactive).
    /// Applies to patients as their next message arrives. Returns the rule id.
    /// </summary>
    public async Task<long> AddRuleAsync(string basis, string value, string team, string? note, string actor, CancellationToken ct)
    {
        if (!AttributionBases.TryParse(basis, out var parsed))
            throw new AttributionInputException($"Unknown basis '{basis}': use {string.Join(", ", AttributionBases.Codes)}.");
        if (string.IsNullOrWhiteSpace(value) || value.Trim().Length > 200) throw new AttributionInputException("Give the value to match (1–200 characters).");
        if (team == CareTeamAttribution.Unassigned) throw new AttributionInputException("A rule must name a team, not the unassigned queue.");
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await RequireActiveAsync(c, tx, team, ct);
        long id;
        await using (var cmd = new NpgsqlCommand("""
            WITH retired AS (
                UPDATE attribution_rule SET active = false WHERE active AND basis = $1 AND upper(btrim(match_value)) = upper(btrim($2)) RETURNING id)
            INSERT INTO attribution_rule (basis, match_value, team, note, created_by)
            SELECT $1, btrim($2), $3, $4, $5 FROM (SELECT count(*) FROM retired) r RETURNING id
            """, c, tx))
        {
            cmd.Parameters.AddWithValue(AttributionBases.Code(parsed));
            cmd.Parameters.AddWithValue(value);
            cmd.Parameters.AddWithValue(team);
            cmd.Parameters.AddWithValue(note?.Trim() ?? "");
            cmd.Parameters.AddWithValue(actor);
            id = (long)(await cmd.ExecuteScalarAsync(ct))!;
        }
        await AuditLog.RecordAsync(c, tx, actor, "attribution-rule.add", "attribution_rule", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null,
            new { basis = AttributionBases.Code(parsed), value = value.Trim(), team }, ct);
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task DisableRuleAsync(long id, string actor, CancellationToken ct)
    {
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        await using (var cmd = new NpgsqlCommand("UPDATE attribution_rule SET active = false WHERE id = $1 AND active", c, tx))
        {
            cmd.Parameters.AddWithValue(id);
            if (await cmd.ExecuteNonQueryAsync(ct) == 0) throw new AttributionInputException($"No active rule #{id}.");
        }
        await AuditLog.RecordAsync(c, tx, actor, "attribution-rule.disable", "attribution_rule", id.ToString(System.Globalization.CultureInfo.InvariantCulture), null, new { }, ct);
        await tx.CommitAsync(ct);
    }
}

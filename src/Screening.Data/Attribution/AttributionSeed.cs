using System.Text.Json;
using Npgsql;
using Screening.Data.Audit;
using Screening.Domain.Attribution;
using Screening.Data.Platform;

namespace Screening.Data.Attribution;

/// <summary>
/// Seeds teams and rules from a file such as <c>seeds/attribution.json</c>, adding only what is missing: a team that
/// exists (even disabled) and a value that already has an active rule are left as an admin set them.
/// </summary>
public static class AttributionSeed
{
    private sealed record File(TeamSeed[]? Teams, RuleSeed[]? Rules);
    private sealed record TeamSeed(string Id, string? DisplayName);
    private sealed record RuleSeed(string Basis, string Value, string Team, string? Note);

    /// <summary>Returns how many teams and rules were added.</summary>
    public static async Task<(int Teams, int Rules)> ApplyAsync(NpgsqlDataSource dataSource, string path, string actor, CancellationToken ct)
    {
        var file = JsonSerializer.Deserialize<File>(await System.IO.File.ReadAllTextAsync(path, ct), JsonDefaults.Options)
                   ?? throw new AttributionInputException($"{path} is empty.");
        var problems = new List<string>();
        foreach (var t in file.Teams ?? []) if (!CareTeamAttribution.IsValidTeamId(t.Id)) problems.Add($"team '{t.Id}' is not a team id.");
        foreach (var r in file.Rules ?? [])
            if (!AttributionBases.TryParse(r.Basis, out _) || string.IsNullOrWhiteSpace(r.Value)) problems.Add($"rule '{r.Basis}:{r.Value}' is not a rule.");
        if (problems.Count > 0) throw new AttributionInputException($"{path}: " + string.Join(" ", problems));

        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var teams = 0;
        foreach (var t in file.Teams ?? [])
        {
            await using var cmd = new NpgsqlCommand(
                "INSERT INTO care_team (id, display_name, created_by) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING", c, tx);
            cmd.Parameters.AddWithValue(t.Id);
            cmd.Parameters.AddWithValue(string.IsNullOrWhiteSpace(t.DisplayName) ? t.Id : t.DisplayName.Trim());
            cmd.Parameters.AddWithValue(actor);
            teams += await cmd.ExecuteNonQueryAsync(ct);
        }
        var rules = 0;
        foreach (var r in file.Rules ?? [])
        {
            await using var cmd = new NpgsqlCommand("""
                INSERT INTO attribution_rule (basis, match_value, team, note, created_by)
                SELECT $1, btrim($2), $3, $4, $5 WHERE EXISTS (SELECT 1 FROM care_team WHERE id = $3 AND active)
                ON CONFLICT (basis, upper(btrim(match_value))) WHERE active DO NOTHING
                """, c, tx);
            cmd.Parameters.AddWithValue(AttributionBases.Code(AttributionBases.Parse(r.Basis)));
            cmd.Parameters.AddWithValue(r.Value);
            cmd.Parameters.AddWithValue(r.Team);
            cmd.Parameters.AddWithValue(r.Note ?? "");
            cmd.Parameters.AddWithValue(actor);
            rules += await cmd.ExecuteNonQueryAsync(ct);
        }
        if (teams + rules > 0) await AuditLog.RecordAsync(c, tx, actor, "attribution.seed", "care_team", null, null, new { teams, rules, file = Path.GetFileName(path) }, ct);
        await tx.CommitAsync(ct);
        return (teams, rules);
    }
}

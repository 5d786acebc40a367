using Npgsql;
using NpgsqlTypes;
using Screening.Data.Audit;
using Screening.Domain.Attribution;
using Screening.Data.Platform;

namespace Screening.Data.Attribution;

/// <summary>
/// Imports a panel file (identifier → team, <see cref="PanelFile"/>) in one transaction: every line is checked first
/// (syntax, team exists and is active) and one bad line refuses the whole file, so nothing is half-written. Lines
/// replace earlier lines for the same identifier; patients already on record move to their panel team at once (their
/// open tasks with them), later arrivals as they come. A manual assignment stands.
/// </summary>
public sealed class Panels(NpgsqlDataSource dataSource)
{
    public async Task<PanelImport> ImportAsync(string text, string panel, string? defaultSystem, string actor, CancellationToken ct)
    {
        if (!CareTeamAttribution.IsValidTeamId(panel)) throw new AttributionInputException($"'{panel}' is not a panel name (letters, digits, '.', '-', '_').");
        var (lines, problems) = PanelFile.Parse(text, defaultSystem);
        await using var c = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await c.BeginTransactionAsync(ct);
        var active = new HashSet<string>(StringComparer.Ordinal);
        await using (var cmd = new NpgsqlCommand("SELECT id FROM care_team WHERE active", c, tx))
        await using (var r = await cmd.ExecuteReaderAsync(ct))
            while (await r.ReadAsync(ct)) active.Add(r.GetString(0));
        var all = problems.Concat(lines.Where(l => !active.Contains(l.Team))
            .Select(l => $"line {l.Number}: unknown or disabled team '{l.Team}'.")).ToList();
        if (all.Count > 0)
            throw new AttributionInputException($"panel '{panel}' refused, nothing imported ({all.Count} problem(s)): "
                + string.Join(" ", all.Take(5)) + (all.Count > 5 ? " …" : ""));

        await using (var cmd = new NpgsqlCommand("""
            INSERT INTO attribution_panel (identifier_system, identifier_value, team, panel, imported_by)
            SELECT s, v, t, $4, $5 FROM unnest($1::text[], $2::text[], $3::text[]) AS u(s, v, t) ORDER BY s, v
            ON CONFLICT (identifier_system, identifier_value) DO UPDATE
                SET team = EXCLUDED.team, panel = EXCLUDED.panel, imported_at = now(), imported_by = EXCLUDED.imported_by
            """, c, tx))
        {
            cmd.Parameters.Add(SqlArray.Of(lines.Select(l => l.Identifier.System).ToArray(), NpgsqlDbType.Text));
            cmd.Parameters.Add(SqlArray.Of(lines.Select(l => l.Identifier.Value).ToArray(), NpgsqlDbType.Text));
            cmd.Parameters.Add(SqlArray.Of(lines.Select(l => l.Team).ToArray(), NpgsqlDbType.Text));
            cmd.Parameters.AddWithValue(panel);
            cmd.Parameters.AddWithValue(actor);
            await cmd.ExecuteNonQueryAsync(ct);
        }
        var known = await PatientIdentifierLookup.FindAsync(c, tx, lines.Select(l => l.Identifier).ToList(), ct);
        var moved = await PatientAttribution.AssignAsync(c, tx, known.Select(k => (k.PatientKey, new AttributionFacts([k.Identifier]))).ToList(),
            ct, actor, auditEvery: true);
        var result = new PanelImport(panel, lines.Count, moved.Count, moved.Sum(m => m.TasksMoved));
        await AuditLog.RecordAsync(c, tx, actor, "panel.import", "attribution_panel", panel, null,
            new { lines = result.Lines, patientsMoved = result.PatientsMoved, tasksMoved = result.TasksMoved }, ct);
        await tx.CommitAsync(ct);
        return result;
    }
}

namespace Screening.Domain.Attribution;

/// <summary>
/// The attribution data in force: active teams, rules and panel entries. Lookups are case-insensitive on rule values
/// (a location typed "north clinic" or "NORTH CLINIC" is the same place) and exact on identifiers (issuing systems
/// tell patients apart by exact value).
/// </summary>
public sealed class AttributionTable
{
    private readonly HashSet<string> teams;
    private readonly Dictionary<(AttributionBasis, string), string> rules = [];
    private readonly Dictionary<(string, string), PanelEntry> panel = [];

    public AttributionTable(IEnumerable<string> activeTeams, IEnumerable<AttributionRule> rules, IEnumerable<PanelEntry> panel)
    {
        teams = new HashSet<string>(activeTeams, StringComparer.Ordinal) { CareTeamAttribution.Unassigned };
        foreach (var rule in rules) this.rules.TryAdd((rule.Basis, CareTeamAttribution.Key(rule.Value)), rule.Team);
        foreach (var entry in panel) this.panel[(entry.Identifier.System.Trim(), entry.Identifier.Value.Trim())] = entry;
    }

    public bool IsActiveTeam(string team) => teams.Contains(team);

    public string? Rule(AttributionBasis basis, string? value) =>
        string.IsNullOrWhiteSpace(value) ? null : rules.GetValueOrDefault((basis, CareTeamAttribution.Key(value)));

    public PanelEntry? Panel(PatientIdentifier identifier) => panel.GetValueOrDefault((identifier.System.Trim(), identifier.Value.Trim()));
}

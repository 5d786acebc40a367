namespace Screening.Domain.Attribution;

/// <summary>
/// Which care team owns a patient. Precedence, first match wins, and only active teams count (a rule or panel line
/// pointing at a disabled team is passed over):
/// <list type="number">
/// <item>an explicit panel line for one of the patient's identifiers (the health system's own attribution list);</item>
/// <item>the care team the source itself declares (e.g. a CSV <c>careTeam</c> column);</item>
/// <item>the primary care provider's id;</item>
/// <item>the location or department;</item>
/// <item>the managing organization;</item>
/// <item>the payer or plan;</item>
/// <item>otherwise the unassigned queue, with the reason (<c>unknown-team:NAME</c> when the source named a team that
/// is not an active team, else <c>no-rule-matched</c>), for a coordinator to work.</item>
/// </list>
/// </summary>
public static class CareTeamAttribution
{
    public const string Unassigned = "unassigned";
    public const string ManualPrefix = "manual:";
    public const string NoRuleMatched = "no-rule-matched";

    public static AttributionDecision Decide(AttributionFacts facts, AttributionTable table)
    {
        foreach (var identifier in facts.Identifiers)
            if (table.Panel(identifier) is { } entry && table.IsActiveTeam(entry.Team))
                return new AttributionDecision(entry.Team, "panel:" + entry.Panel);
        var declared = facts.DeclaredTeam?.Trim();
        if (!string.IsNullOrEmpty(declared) && declared != Unassigned && table.IsActiveTeam(declared))
            return new AttributionDecision(declared, "source:" + declared);
        foreach (var (basis, value, code) in new[]
                 {
                     (AttributionBasis.Pcp, facts.PcpId, "pcp"), (AttributionBasis.Location, facts.Location, "location"),
                     (AttributionBasis.Organization, facts.ManagingOrganization, "organization"), (AttributionBasis.Payer, facts.Payer, "payer"),
                 })
            if (table.Rule(basis, value) is { } team && table.IsActiveTeam(team))
                return new AttributionDecision(team, $"{code}:{value!.Trim()}");
        return new AttributionDecision(Unassigned,
            string.IsNullOrEmpty(declared) || declared == Unassigned ? NoRuleMatched : "unknown-team:" + Clip(declared));
    }

    /// <summary>
    /// What to store, given what is on record, or null to leave the patient as is. A coordinator's or admin's manual
    /// assignment stands until a person changes it (feeds do not undo a human decision). Finding no team never takes a
    /// patient off a team they already have (a lab feed that says nothing about attribution must not empty a worklist);
    /// a patient already on the queue gets the newer reason.
    /// </summary>
    public static AttributionDecision? Reconcile(string currentTeam, string? currentReason, AttributionDecision decided)
    {
        if (currentReason is not null && currentReason.StartsWith(ManualPrefix, StringComparison.Ordinal)) return null;
        if (decided.IsUnassigned && currentTeam != Unassigned) return null;
        return decided.Team == currentTeam && decided.Reason == currentReason ? null : decided;
    }

    /// <summary>The reason stored for a person's assignment.</summary>
    public static string Manual(string user) => ManualPrefix + user;

    /// <summary>A team id as teams are named: 1–64 letters, digits, '.', '-', '_'.</summary>
    public static bool IsValidTeamId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_');

    internal static string Key(string value) => value.Trim().ToUpperInvariant();

    private static string Clip(string text) => text.Length <= 64 ? text : text[..64];
}

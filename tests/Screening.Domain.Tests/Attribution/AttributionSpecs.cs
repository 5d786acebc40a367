using Screening.Domain.Attribution;

namespace Screening.Domain.Tests.Attribution;

/// <summary>Which care team owns a patient: the documented precedence, matching, and what a feed may not undo.</summary>
public sealed class AttributionSpecs
{
    private static readonly PatientIdentifier LabcoMrn14 = new("LABCO", "14");
    private static readonly PatientIdentifier HospMrn14 = new("HOSP", "14");

    private static AttributionTable Table(IEnumerable<PanelEntry>? panel = null, params string[] disabled)
    {
        var teams = new[] { "north", "south", "east", "west", "renal" }.Except(disabled);
        return new AttributionTable(teams,
        [
            new AttributionRule(AttributionBasis.Pcp, "1234567893", "north"),
            new AttributionRule(AttributionBasis.Location, "South Clinic", "south"),
            new AttributionRule(AttributionBasis.Organization, "Organization/east-medical-group", "east"),
            new AttributionRule(AttributionBasis.Payer, "MEDICAID-WEST", "west"),
        ], panel ?? []);
    }

    private static AttributionFacts Everything(params PatientIdentifier[] ids) =>
        new(ids, DeclaredTeam: "renal", PcpId: "1234567893", Location: "South Clinic", ManagingOrganization: "Organization/east-medical-group", Payer: "MEDICAID-WEST");

    [Fact]
    public void A_panel_line_for_one_of_the_patients_identifiers_wins_over_every_rule()
    {
        var table = Table([new PanelEntry(HospMrn14, "south", "hosp-2026q4")]);
        Assert.Equal(new AttributionDecision("south", "panel:hosp-2026q4"), CareTeamAttribution.Decide(Everything(HospMrn14), table));
    }

    [Fact]
    public void The_same_number_from_another_issuing_system_is_not_on_that_panel()
    {
        var table = Table([new PanelEntry(HospMrn14, "south", "hosp-2026q4")]);
        Assert.Equal("source:renal", CareTeamAttribution.Decide(Everything(LabcoMrn14), table).Reason);
    }

    [Fact]
    public void The_team_the_source_declares_comes_before_the_pcp() =>
        Assert.Equal(new AttributionDecision("renal", "source:renal"), CareTeamAttribution.Decide(Everything(LabcoMrn14), Table()));

    [Fact]
    public void Without_a_declared_team_the_pcp_decides_and_the_reason_names_the_pcp() =>
        Assert.Equal(new AttributionDecision("north", "pcp:1234567893"),
            CareTeamAttribution.Decide(Everything(LabcoMrn14) with { DeclaredTeam = null }, Table()));

    [Fact]
    public void Then_location_then_managing_organization_then_payer()
    {
        var facts = Everything(LabcoMrn14) with { DeclaredTeam = null, PcpId = "9999999999" };
        Assert.Equal("location:South Clinic", CareTeamAttribution.Decide(facts, Table()).Reason);
        Assert.Equal("organization:Organization/east-medical-group", CareTeamAttribution.Decide(facts with { Location = "Elsewhere" }, Table()).Reason);
        Assert.Equal(new AttributionDecision("west", "payer:MEDICAID-WEST"),
            CareTeamAttribution.Decide(facts with { Location = null, ManagingOrganization = null }, Table()));
    }

    [Fact]
    public void A_location_matches_whatever_its_case_and_surrounding_spaces() =>
        Assert.Equal("south", CareTeamAttribution.Decide(new AttributionFacts([], Location: "  SOUTH clinic "), Table()).Team);

    [Fact]
    public void A_rule_or_panel_line_pointing_at_a_disabled_team_is_passed_over()
    {
        var table = Table([new PanelEntry(HospMrn14, "south", "p")], "south", "renal");
        Assert.Equal(new AttributionDecision("north", "pcp:1234567893"), CareTeamAttribution.Decide(Everything(HospMrn14), table));
    }

    [Fact]
    public void A_declared_team_that_does_not_exist_goes_to_the_unassigned_queue_with_the_name_as_the_reason()
    {
        var decision = CareTeamAttribution.Decide(new AttributionFacts([LabcoMrn14], DeclaredTeam: "nroth"), Table());
        Assert.True(decision.IsUnassigned);
        Assert.Equal("unknown-team:nroth", decision.Reason);
    }

    [Fact]
    public void A_patient_nothing_is_known_about_is_unassigned_because_no_rule_matched() =>
        Assert.Equal(new AttributionDecision("unassigned", "no-rule-matched"), CareTeamAttribution.Decide(new AttributionFacts([LabcoMrn14]), Table()));

    [Fact]
    public void A_coordinators_manual_assignment_is_not_undone_by_a_feed() =>
        Assert.Null(CareTeamAttribution.Reconcile("east", "manual:coordinator", new AttributionDecision("north", "pcp:1234567893")));

    [Fact]
    public void A_feed_that_says_nothing_about_attribution_never_takes_a_patient_off_their_team() =>
        Assert.Null(CareTeamAttribution.Reconcile("north", "pcp:1234567893", new AttributionDecision("unassigned", "no-rule-matched")));

    [Fact]
    public void A_new_rule_match_moves_the_patient()
    {
        var decided = new AttributionDecision("south", "location:South Clinic");
        Assert.Equal(decided, CareTeamAttribution.Reconcile("north", "pcp:1234567893", decided));
    }

    [Fact]
    public void The_same_team_for_the_same_reason_changes_nothing() =>
        Assert.Null(CareTeamAttribution.Reconcile("north", "pcp:1234567893", new AttributionDecision("north", "pcp:1234567893")));

    [Fact]
    public void A_patient_on_the_queue_gets_the_newer_reason() =>
        Assert.Equal("unknown-team:nroth",
            CareTeamAttribution.Reconcile("unassigned", "no-rule-matched", new AttributionDecision("unassigned", "unknown-team:nroth"))!.Reason);

    [Theory]
    [InlineData("north", true)]
    [InlineData("renal-2.west_b", true)]
    [InlineData("", false)]
    [InlineData("north team", false)]
    [InlineData("nörth", false)]
    public void Team_ids_are_letters_digits_dots_dashes_and_underscores(string id, bool valid) =>
        Assert.Equal(valid, CareTeamAttribution.IsValidTeamId(id));
}

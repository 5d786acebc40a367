using Screening.Domain.Identity;

namespace Screening.Domain.Tests.Identity;

public class PatientMatchingTests
{
    private static readonly PatientIdentifier Labco14 = new("LABCO", "14", "MR");
    private static readonly PatientIdentifier Hosp14 = new("HOSP", "14", "MR");
    private static readonly PatientIdentifier Ssn = new("SSA", "123-45-6789", "SS");

    private static IReadOnlyDictionary<int, IdentityResolution> Match(Dictionary<PatientIdentifier, long> known, params IdentityClaim[] claims) =>
        PatientMatcher.Resolve(claims, id => known.TryGetValue(id, out var key) ? key : null);

    [Fact]
    public void The_same_number_from_two_issuing_systems_is_two_patients()
    {
        var resolved = Match([], new IdentityClaim(0, [Labco14]), new IdentityClaim(1, [Hosp14]));
        var a = Assert.IsType<IdentityResolution.New>(resolved[0]);
        var b = Assert.IsType<IdentityResolution.New>(resolved[1]);
        Assert.NotEqual(a.Group, b.Group);
    }

    [Fact]
    public void The_same_system_and_value_is_the_same_patient()
    {
        var resolved = Match(new() { [Hosp14] = 7 }, new IdentityClaim(0, [new PatientIdentifier(" HOSP ", "14 ")]));
        Assert.Equal(7, Assert.IsType<IdentityResolution.Known>(resolved[0]).PatientKey);
    }

    [Fact]
    public void A_known_patient_learns_its_new_identifiers()
    {
        var resolved = Match(new() { [Hosp14] = 7 }, new IdentityClaim(0, [Hosp14, Ssn]));
        var known = Assert.IsType<IdentityResolution.Known>(resolved[0]);
        Assert.Equal([Ssn], known.NewIdentifiers);
    }

    [Fact]
    public void Identifiers_linked_to_two_different_patients_are_a_conflict_never_a_silent_merge()
    {
        var resolved = Match(new() { [Hosp14] = 7, [Labco14] = 9 }, new IdentityClaim(0, [Hosp14, Labco14]));
        var conflict = Assert.IsType<IdentityResolution.Conflict>(resolved[0]);
        Assert.Equal([7L, 9L], conflict.PatientKeys);
        Assert.DoesNotContain("14", conflict.Detail.Replace("(7, 9)", ""));
    }

    [Fact]
    public void A_result_for_an_identifier_of_a_conflicting_message_is_part_of_the_conflict()
    {
        var resolved = Match(new() { [Hosp14] = 7, [Labco14] = 9 }, new IdentityClaim(0, [Hosp14, Labco14]), new IdentityClaim(1, [Hosp14]));
        Assert.IsType<IdentityResolution.Conflict>(resolved[1]);
    }

    [Fact]
    public void Claims_of_one_batch_that_share_an_identifier_are_one_new_patient()
    {
        var resolved = Match([], new IdentityClaim(0, [Hosp14, Ssn]), new IdentityClaim(1, [Ssn, Labco14]), new IdentityClaim(2, [Labco14]));
        var groups = resolved.Values.Cast<IdentityResolution.New>().Select(n => n.Group).Distinct();
        Assert.Single(groups);
        Assert.Equal(3, ((IdentityResolution.New)resolved[0]).Identifiers.Count);
    }

    [Fact]
    public void Matching_does_not_depend_on_the_order_of_the_claims()
    {
        var forward = Match(new() { [Hosp14] = 3 }, new IdentityClaim(0, [Labco14]), new IdentityClaim(1, [Ssn, Hosp14]), new IdentityClaim(2, [Labco14, Ssn]));
        var backward = Match(new() { [Hosp14] = 3 }, new IdentityClaim(2, [Labco14, Ssn]), new IdentityClaim(1, [Ssn, Hosp14]), new IdentityClaim(0, [Labco14]));
        foreach (var i in new[] { 0, 1, 2 })
        {
            Assert.Equal(3, Assert.IsType<IdentityResolution.Known>(forward[i]).PatientKey);
            Assert.Equal(3, Assert.IsType<IdentityResolution.Known>(backward[i]).PatientKey);
        }
        Assert.Equal(((IdentityResolution.Known)forward[0]).NewIdentifiers, ((IdentityResolution.Known)backward[0]).NewIdentifiers);
    }

    [Fact]
    public void The_identifier_type_describes_but_does_not_match()
    {
        var resolved = Match(new() { [new PatientIdentifier("HOSP", "14", "PI")] = 7 }, new IdentityClaim(0, [Hosp14]));
        Assert.Equal(7, Assert.IsType<IdentityResolution.Known>(resolved[0]).PatientKey);
    }

    [Fact]
    public void An_unknown_assigning_authority_is_refused_only_when_the_policy_says_reject()
    {
        var known = new HashSet<string> { "HOSP" };
        Assert.True(new AssigningAuthorityPolicy(known, RejectUnknown: false).Accepts("LABCO"));
        Assert.False(new AssigningAuthorityPolicy(known, RejectUnknown: true).Accepts("LABCO"));
        Assert.True(new AssigningAuthorityPolicy(known, RejectUnknown: true).Accepts("HOSP"));
        Assert.True(new AssigningAuthorityPolicy(new HashSet<string>(), RejectUnknown: true).Accepts("ANY"));
    }
}

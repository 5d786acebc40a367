using Screening.Domain.Patients;
using Screening.Domain.Rules;
using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Rules;

/// <summary>
/// Every member of every value set, in every coding system, gives the same finding as the value set's ICD-10-CM
/// (or CPT) twin: a SNOMED-coded problem list is screened like an ICD-10-coded one (issue 17).
/// </summary>
public class ValueSetTwinTests
{
    /// <summary>Per value set: the twin code and a history in which the concept changes the outcome.</summary>
    private static readonly Dictionary<string, (string Code, CodeSystem System, Func<string, CodeSystem, bool, RuleOutcome> Screen)> Scenarios = new()
    {
        ["pregnancy"] = ("Z33.1", CodeSystem.Icd10, PregnancySuspendsAnemia),
        ["ckd-stage-3-to-5"] = ("N18.4", CodeSystem.Icd10, CkdDisablesCorrection),
        ["esrd-or-dialysis"] = ("N18.6", CodeSystem.Icd10, HypocalcemiaManagedElsewhere),
        ["hypoparathyroidism"] = ("E20.9", CodeSystem.Icd10, HypocalcemiaManagedElsewhere),
        ["fragility-fracture"] = ("S72.001A", CodeSystem.Icd10, DxaRiskFlag),
        ["rheumatoid-arthritis"] = ("M06.9", CodeSystem.Icd10, DxaRiskFlag),
        ["primary-hyperparathyroidism"] = ("E21.0", CodeSystem.Icd10, DxaRiskFlag),
        ["osteoporosis"] = ("M81.0", CodeSystem.Icd10, DxaRiskFlag),
        ["long-term-glucocorticoids"] = ("Z79.52", CodeSystem.Icd10, DxaSecondaryRiskInterval),
        ["aromatase-inhibitors"] = ("Z79.811", CodeSystem.Icd10, DxaSecondaryRiskInterval),
        ["dxa-scan"] = ("77080", CodeSystem.Cpt, DxaScanCloses),
        ["antiresorptive-therapy"] = ("Z79.83", CodeSystem.Icd10, HypocalcemiaPriorityOnTherapy),
    };

    public static TheoryData<string, string, string> Members()
    {
        var data = new TheoryData<string, string, string>();
        foreach (var set in Seed.Rules.ValueSets.Values)
            foreach (var (system, code) in set.Members)
                data.Add(set.Name, CodeSystemNames.Of(system), code);
        return data;
    }

    [Theory]
    [MemberData(nameof(Members))]
    public void A_member_in_any_coding_system_gives_the_same_finding_as_its_icd10_twin(string valueSet, string system, string member)
    {
        var (twinCode, twinSystem, screen) = Scenarios[valueSet];
        var code = member.EndsWith('*') ? member[..^1] : member;
        var twin = Shape(screen(twinCode, twinSystem, true));
        Assert.NotEqual(Shape(screen(twinCode, twinSystem, false)), twin); // the concept matters in this history
        Assert.Equal(twin, Shape(screen(code, CodeSystemNames.Parse(system)!.Value, true)));
    }

    [Fact]
    public void Every_value_set_has_a_scenario_and_its_twin_is_a_member()
    {
        Assert.Equal(Scenarios.Keys.Order(), Seed.Rules.ValueSets.Keys.Order());
        foreach (var (name, (code, system, _)) in Scenarios)
            Assert.True(Seed.Rules.ValueSets[name].Codes.Matches(code, system), name);
    }

    [Theory]
    [InlineData("64859006", true)]    // Osteoporosis (disorder), as Synthea codes it
    [InlineData("69896004", true)]    // Rheumatoid arthritis (disorder)
    [InlineData("36348003", true)]    // Primary hyperparathyroidism (disorder)
    [InlineData("58150001", true)]    // Fracture of clavicle (disorder), in the Synthea fixture
    [InlineData("33737001", true)]    // Fracture of rib, in the Synthea fixture
    [InlineData("66999008", false)]   // Hyperparathyroidism, not primary: not a DXA risk flag
    [InlineData("36976004", false)]   // Hypoparathyroidism raises bone density: not a risk flag
    public void A_SNOMED_coded_problem_list_makes_a_woman_of_55_eligible_for_DXA(string snomed, bool eligible)
    {
        var outcome = History.Of(Woman.Aged(55)).Diagnosis(snomed, onset: "2023-06-30", system: CodeSystem.Snomed).Dxa();
        Assert.Equal(eligible, outcome.Kind == OutcomeKind.Met);
    }

    [Fact]
    public void Codes_of_another_system_never_match_by_digits_alone()
    {
        // 64859006 is osteoporosis in SNOMED CT; the same digits claimed as ICD-10 or RxNorm mean nothing.
        Assert.Equal(OutcomeKind.NotMet, History.Of(Woman.Aged(55)).Diagnosis("64859006", onset: "2023-06-30", system: CodeSystem.RxNorm).Dxa().Kind);
        Assert.Equal(OutcomeKind.NotMet, History.Of(Woman.Aged(55)).Diagnosis("M81.0", onset: "2023-06-30", system: CodeSystem.Snomed).Dxa().Kind);
    }

    private static string Shape(RuleOutcome o)
        => $"{o.Kind}|{o.Reason}|{o.DueDate}|{o.Finding?.Priority}|{o.Finding?.Since}|{o.Finding?.Lowest}|{o.Finding?.Details.GetValueOrDefault("status")}|{o.Finding?.Details.GetValueOrDefault("intervalRule")}";

    private static History With(History history, string code, CodeSystem system, bool present, string onset)
        => present ? history.Diagnosis(code, onset, system: system) : history;

    private static RuleOutcome PregnancySuspendsAnemia(string code, CodeSystem system, bool present)
        => With(History.Of(Woman.Aged(30)).Hb(11.0m, on: DaysAgo(300)).Hb(11.0m, on: DaysAgo(60)), code, system, present, DaysAgo(100)).Anemia();

    private static RuleOutcome CkdDisablesCorrection(string code, CodeSystem system, bool present)
        => With(History.Of(Man.Aged(45))
            .Calcium(8.2m, on: DaysAgo(100)).Albumin(3.5m, on: DaysAgo(100))
            .Calcium(8.2m, on: DaysAgo(40)).Albumin(3.5m, on: DaysAgo(40)), code, system, present, DaysAgo(400)).Hypocalcemia();

    private static RuleOutcome HypocalcemiaManagedElsewhere(string code, CodeSystem system, bool present)
        => With(History.Of(Man.Aged(45)).Calcium(8.2m, on: DaysAgo(100)).Calcium(8.1m, on: DaysAgo(40)), code, system, present, DaysAgo(400)).Hypocalcemia();

    private static RuleOutcome HypocalcemiaPriorityOnTherapy(string code, CodeSystem system, bool present)
        => With(History.Of(Man.Aged(45)).Calcium(8.2m, on: DaysAgo(100)).Calcium(8.1m, on: DaysAgo(40)), code, system, present, DaysAgo(400)).Hypocalcemia();

    private static RuleOutcome DxaRiskFlag(string code, CodeSystem system, bool present)
        => With(History.Of(Woman.Aged(57)), code, system, present, Iso(Today.AddYears(-2))).Dxa();

    private static RuleOutcome DxaSecondaryRiskInterval(string code, CodeSystem system, bool present)
        => With(History.Of(Woman.Aged(70)).DxaScan(DaysAgo(3 * 365)).TScore(-1.2m, on: DaysAgo(3 * 365)), code, system, present, DaysAgo(5 * 365)).Dxa();

    private static RuleOutcome DxaScanCloses(string code, CodeSystem system, bool present)
    {
        var history = History.Of(Woman.Aged(70));
        return (present ? history.DxaScan(DaysAgo(365), code, system) : history).Dxa();
    }
}

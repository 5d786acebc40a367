using Screening.Domain.Screening;
using Screening.Domain.Tests.Support;
using static Screening.Domain.Tests.Support.Clinic;

namespace Screening.Domain.Tests.Dxa;

public class DxaEligibilityTests
{
    private static PatientSpec Reaching(string sex, int years, int daysAgo)
    {
        var birth = Iso(Today.AddDays(-daysAgo).AddYears(-years));
        return sex == "female" ? Woman.BornOn(birth) : Man.BornOn(birth);
    }

    [Theory]
    [InlineData("female", 65, 91, "overdue")]
    [InlineData("female", 65, 90, "due")]
    [InlineData("female", 65, 0, "due")]
    [InlineData("female", 65, -1, "due-soon")]
    [InlineData("female", 65, -60, "due-soon")]
    [InlineData("female", 65, -61, "not-due")]
    [InlineData("male", 70, 91, "overdue")]
    [InlineData("male", 70, -1, "due-soon")]
    public void Never_scanned_patients_are_due_on_their_birthday_and_overdue_90_days_later(string sex, int years, int daysSinceBirthday, string status)
    {
        var outcome = History.Of(Reaching(sex, years, daysSinceBirthday)).Dxa();
        Assert.Equal(status, outcome.Kind == OutcomeKind.Met ? outcome.Finding!.Details["status"] : outcome.Reason);
        Assert.Equal(Today.AddDays(-daysSinceBirthday), outcome.DueDate);
    }

    [Theory]
    [InlineData("female", 64, OutcomeKind.NotMet)]
    [InlineData("female", 66, OutcomeKind.Met)]
    [InlineData("male", 69, OutcomeKind.NotMet)]
    [InlineData("male", 71, OutcomeKind.Met)]
    public void Women_from_65_and_men_from_70(string sex, int age, OutcomeKind kind)
    {
        var patient = sex == "female" ? Woman.Aged(age) : Man.Aged(age);
        Assert.Equal(kind, History.Of(patient).Dxa().Kind);
    }

    [Fact]
    public void Other_or_unknown_sex_uses_risk_flag_routes_only()
    {
        Assert.Equal(OutcomeReasons.NotEligible, History.Of(Person.OfUnknownSex(80)).Dxa().Reason);
        Assert.Equal(OutcomeKind.Met, History.Of(Person.OfOtherSex(80)).Diagnosis("M81.0", onset: "2020-01-01").Dxa().Kind);
    }

    [Fact]
    public void A_risk_condition_makes_a_woman_of_55_eligible_from_its_onset()
    {
        var finding = History.Of(Woman.Aged(55)).Diagnosis("M81.0", onset: "2023-06-30").Dxa().Finding!;
        Assert.Equal(Date("2023-06-30"), finding.DueDate);
        Assert.Equal(Date("2023-06-30"), finding.Since);
        Assert.Contains("M81.0", finding.Details["eligibilityRoute"]);
        Assert.Equal(Priority.Normal, finding.Priority);
        Assert.Null(finding.Lowest);
        Assert.Empty(finding.Evidence);
    }

    [Fact]
    public void A_risk_flag_never_applies_before_the_50th_birthday()
    {
        var outcome = History.Of(Man.Aged(55)).Diagnosis("M06.9", onset: Iso(Today.AddYears(-10))).Dxa();
        Assert.Equal(Today.AddYears(-5), outcome.DueDate);
        Assert.Equal(OutcomeReasons.NotDue, History.Of(Woman.Aged(48)).Diagnosis("M05.79", onset: "2024-01-01").Dxa().Reason);
    }

    [Theory]
    [InlineData("S72.001A", 2, true)]   // hip fracture after 50
    [InlineData("S52.501A", 2, true)]   // distal radius
    [InlineData("S62.600A", 2, false)]  // finger
    [InlineData("S92.401A", 2, false)]  // toe
    [InlineData("S02.0XXA", 2, false)]  // skull
    [InlineData("S72.001A", 8, false)]  // fracture before the 50th birthday
    public void Fragility_fracture_after_50_is_a_risk_flag(string code, int yearsAgo, bool eligible)
    {
        var outcome = History.Of(Person.OfUnknownSex(57)).Diagnosis(code, onset: Iso(Today.AddYears(-yearsAgo))).Dxa();
        Assert.Equal(eligible, outcome.Reason != OutcomeReasons.NotEligible);
    }

    [Theory]
    [InlineData(-2.0, true)]
    [InlineData(-1.9, false)]
    public void A_prior_T_score_at_or_below_minus_2_is_a_monitoring_flag(double score, bool eligible)
    {
        var outcome = History.Of(Person.OfUnknownSex(60)).TScore((decimal)score, on: "2022-06-01").Dxa();
        Assert.Equal(eligible, outcome.Kind == OutcomeKind.Met);
        if (eligible) Assert.Equal(Date("2024-06-01"), outcome.DueDate);
    }

    [Fact]
    public void Persistent_anemia_is_a_program_policy_risk_flag_from_the_day_the_streak_met_the_rule()
    {
        var history = History.Of(Person.OfUnknownSex(55)).Hb(11.0m, on: DaysAgo(400)).Hb(11.0m, on: DaysAgo(200));
        var outcome = history.Dxa();
        Assert.Equal(OutcomeKind.Met, outcome.Kind);
        Assert.Equal(Date(DaysAgo(200)), outcome.DueDate);
        Assert.Contains("program policy, not guideline", outcome.Finding!.Details["eligibilityRoute"]);

        var scanned = History.Of(Person.OfUnknownSex(55)).Hb(11.0m, on: DaysAgo(400)).Hb(11.0m, on: DaysAgo(200)).DxaScan(on: "2020-01-01");
        Assert.EndsWith("eligible via persistent anemia (program policy, not guideline))", scanned.Dxa().Finding!.Summary);

        var policyOff = Seed.With(json => json["dxa"]!["riskFlags"]!["programPolicyArm"] = false);
        Assert.Equal(OutcomeReasons.NotEligible, history.Dxa(rules: policyOff).Reason);
    }

    [Fact]
    public void Persistent_hypocalcemia_is_a_program_policy_risk_flag()
    {
        var outcome = History.Of(Person.OfUnknownSex(60)).Calcium(8.0m, on: DaysAgo(200)).Calcium(8.0m, on: DaysAgo(150)).Dxa();
        Assert.Equal(Date(DaysAgo(150)), outcome.DueDate);
        Assert.Equal(OutcomeKind.Met, outcome.Kind);
    }
}

using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;
using Screening.Domain.Screening;

namespace Screening.Domain.Tests.Support;

/// <summary>
/// A fluent patient history for clinical specifications:
/// <c>History.Of(Woman.Aged(40)).Hb(11.1m, on: "2024-01-03").Hb(11.0m, on: "2024-08-01").Anemia()</c>.
/// </summary>
public sealed class History
{
    private readonly PatientSpec patient;
    private readonly List<LabObservation> results = [];
    private readonly List<Diagnosis> diagnoses = [];
    private readonly List<Procedure> procedures = [];
    private DateOnly? deceased;
    private bool hospice;
    private bool optedOut;
    private int nextId = 1;

    private History(PatientSpec patient) => this.patient = patient;

    public static History Of(PatientSpec patient) => new(patient);

    public History Result(string loinc, decimal value, string unit, string on, ResultStatus status = ResultStatus.Final,
        EncounterSetting setting = EncounterSetting.Outpatient, decimal? referenceLow = null, string? id = null, long sequence = 1, string source = "lab")
    {
        results.Add(new LabObservation(source, id ?? "r" + nextId++, sequence, loinc, value, unit, Clinic.Date(on), status, setting, referenceLow));
        return this;
    }

    public History Hb(decimal value, string on, string unit = "g/dL", ResultStatus status = ResultStatus.Final,
        EncounterSetting setting = EncounterSetting.Outpatient, decimal? referenceLow = null, string? id = null, long sequence = 1, string loinc = "718-7")
        => Result(loinc, value, unit, on, status, setting, referenceLow, id, sequence);

    public History Calcium(decimal value, string on, string unit = "mg/dL", EncounterSetting setting = EncounterSetting.Outpatient,
        decimal? referenceLow = null, string? id = null, string loinc = "17861-6", ResultStatus status = ResultStatus.Final)
        => Result(loinc, value, unit, on, status, setting, referenceLow, id);

    public History Ionized(decimal value, string on, string unit = "mmol/L", string loinc = "1994-3", decimal? referenceLow = null)
        => Result(loinc, value, unit, on, referenceLow: referenceLow);

    public History Albumin(decimal value, string on, string unit = "g/dL", string loinc = "1751-7") => Result(loinc, value, unit, on);

    public History LabCorrectedCalcium(decimal value, string on, string unit = "mmol/L", string loinc = "29265-6") => Result(loinc, value, unit, on);

    /// <summary>A later version of an existing result (correction, amendment, retraction or revival).</summary>
    public History Version(string id, long sequence, ResultStatus status, decimal? value = null)
    {
        var original = results.Last(r => r.ResultId == id);
        results.Add(original with { Sequence = sequence, Status = status, Value = value ?? original.Value });
        return this;
    }

    public History Diagnosis(string code, string? onset, string? abatement = null, CodeSystem system = CodeSystem.Icd10)
    {
        diagnoses.Add(new Patients.Diagnosis(code, system, onset is null ? null : Clinic.Date(onset), abatement is null ? null : Clinic.Date(abatement)));
        return this;
    }

    public History Pregnancy(string onset, string? abatement = null, string code = "Z33.1") => Diagnosis(code, onset, abatement);

    public History DxaScan(string on, string code = "77080", CodeSystem system = CodeSystem.Cpt)
    {
        procedures.Add(new Procedure("p" + nextId++, code, system, Clinic.Date(on)));
        return this;
    }

    public History TScore(decimal value, string on, string loinc = "38267-1", string unit = "{T-score}")
        => Result(loinc, value, unit, on);

    public History Deceased(string on) { deceased = Clinic.Date(on); return this; }
    public History InHospice() { hospice = true; return this; }
    public History OptedOut() { optedOut = true; return this; }

    public PatientRecord Record => new(
        new PatientFacts("patient-1", patient.Sex, patient.BirthDate, deceased, hospice, optedOut, "team-a"),
        results.ToList(), diagnoses.ToList(), procedures.ToList());

    public IReadOnlyList<LabObservation> Results => results;

    public PatientScreening Screen(DateOnly? asOf = null, RuleSet? rules = null)
        => Domain.Screening.Screen.Evaluate(Record, rules ?? Seed.Rules, asOf ?? Clinic.Today);

    public RuleOutcome Anemia(DateOnly? asOf = null, RuleSet? rules = null) => Screen(asOf, rules).Outcomes[0];
    public RuleOutcome Hypocalcemia(DateOnly? asOf = null, RuleSet? rules = null) => Screen(asOf, rules).Outcomes[1];
    public RuleOutcome Dxa(DateOnly? asOf = null, RuleSet? rules = null) => Screen(asOf, rules).Outcomes[2];
}

using Screening.Domain.Catalog;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;

namespace Screening.Domain.Screening;

/// <summary>
/// A patient's record as the rules see it on the as-of date (clinical-rules §9.4b): latest result versions only,
/// countable statuses only, quarantined values dropped, nothing dated after as-of. Settings are kept: each rule
/// decides (persistence rules drop excluded settings; DXA T-scores ignore the setting).
/// </summary>
/// <remarks>
/// Stable-until bookkeeping: every comparison of a rule with the as-of date goes through a member of this class (or
/// reports to <see cref="MayChangeOn"/>), which records the first later day on which its answer could flip. While no
/// such day is reached and no future-dated item (<see cref="FutureDataOn"/>) enters the chart, every rule takes the
/// same path on the same data, so the outcome is the same. A lookup made on some paths only (CKD, DXA secondary risk)
/// notes its day on those paths only: the path itself cannot change before a day already noted.
/// </remarks>
internal sealed class Chart
{
    public Chart(PatientRecord record, RuleSet rules, DateOnly asOf)
    {
        Patient = record.Patient;
        Rules = rules;
        AsOf = asOf;

        var winners = LatestVersions.Of(record.Results);
        Results = new List<CountedResult>(winners.Count);
        foreach (var result in winners)
        {
            if (!rules.Shared.Counts(result)) continue;
            if (AnalyteCatalog.Find(result.Loinc) is not { } analyte) continue;
            if (!analyte.TryConvert(result.Unit, result.Value, out var canonical)) continue;
            if (!rules.Shared.Plausibility.IsPlausible(analyte.Kind, canonical)) continue;
            var counted = new CountedResult(result, analyte.Kind, canonical);
            if (result.CollectedOn <= asOf) Results.Add(counted);
            else if (RuleCatalog.ReadByAny(rules, counted)) FutureAt(result.CollectedOn);
        }

        Diagnoses = new List<Diagnosis>(record.Diagnoses.Count);
        foreach (var diagnosis in record.Diagnoses)
        {
            if (diagnosis.Onset is not { } onset || onset <= asOf) Diagnoses.Add(diagnosis);
            else if (RuleCatalog.ReadByAny(rules, diagnosis)) FutureAt(onset);
        }

        Procedures = new List<Procedure>(record.Procedures.Count);
        foreach (var procedure in record.Procedures)
        {
            if (procedure.PerformedOn <= asOf) Procedures.Add(procedure);
            else if (RuleCatalog.ReadByAny(rules, procedure)) FutureAt(procedure.PerformedOn);
        }
    }

    public PatientFacts Patient { get; }
    public RuleSet Rules { get; }
    public DateOnly AsOf { get; }
    public List<CountedResult> Results { get; }
    public List<Diagnosis> Diagnoses { get; }
    public List<Procedure> Procedures { get; }

    /// <summary>The earliest date after as-of of a result, diagnosis onset or procedure some rule reads; null if none.</summary>
    public DateOnly? FutureDataOn { get; private set; }

    /// <summary>The earliest day after as-of on which an as-of comparison made so far could answer differently.</summary>
    public DateOnly? TimeChangesOn { get; private set; }

    /// <summary>Records that an answer given for as-of may differ from <paramref name="day"/> on; days not after as-of are ignored.</summary>
    public void MayChangeOn(DateOnly day)
    {
        if (day > AsOf && (TimeChangesOn is not { } current || day < current)) TimeChangesOn = day;
    }

    /// <summary>
    /// Whether the patient is at least <paramref name="years"/> old on as-of (false without a birth date); notes the
    /// birthday when it is still ahead. Same answer as <c>Ages.On(birth, asOf) ≥ years</c>: the age is the largest k
    /// with birth + k years ≤ as-of, and birth + k years grows with k.
    /// </summary>
    public bool AgeAtLeast(int years) => Birthday(years) is { } birthday && Reached(birthday);

    /// <summary>The day the patient turns <paramref name="years"/>; null without a birth date or past the calendar's end.</summary>
    public DateOnly? Birthday(int years)
        => Patient.BirthDate is { } birth && birth.Year <= DateOnly.MaxValue.Year - years ? Ages.Birthday(birth, years) : null;

    /// <summary>Whether as-of is on or after <paramref name="day"/>; notes the day when it is still ahead.</summary>
    public bool Reached(DateOnly day)
    {
        if (day <= AsOf) return true;
        MayChangeOn(day);
        return false;
    }

    /// <summary>
    /// A diagnosis in <paramref name="codes"/> active on as-of: onset ≤ as-of (or unknown), no abatement before as-of.
    /// When every active match has an abatement, the answer turns false the day after the latest of them.
    /// </summary>
    public bool HasActive(CodeSet codes)
    {
        if (codes.IsEmpty) return false;
        DateOnly? lastActiveDay = null;
        foreach (var diagnosis in Diagnoses)
        {
            if (diagnosis.Abatement is { } end && end < AsOf) continue;
            if (!codes.Matches(diagnosis.Code, diagnosis.System)) continue;
            if (diagnosis.Abatement is not { } abatement) return true; // open: active for good
            if (lastActiveDay is not { } latest || abatement > latest) lastActiveDay = abatement;
        }
        if (lastActiveDay is not { } last) return false;
        if (last != DateOnly.MaxValue) MayChangeOn(last.AddDays(1));
        return true;
    }

    /// <summary>DXA scans on or before as-of, built on first use.</summary>
    public Dxa.DxaHistory Dxa => dxa ??= global::Screening.Domain.Dxa.DxaHistory.Of(this);

    private Dxa.DxaHistory? dxa;

    public bool IsVisibleForPersistence(in CountedResult result) => !Rules.Shared.IsExcludedSetting(result.Source);

    private void FutureAt(DateOnly day)
    {
        if (FutureDataOn is not { } current || day < current) FutureDataOn = day;
    }
}

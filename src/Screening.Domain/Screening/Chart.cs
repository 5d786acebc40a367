using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;

namespace Screening.Domain.Screening;

/// <summary>
/// A patient's record as the rules see it on the as-of date (clinical-rules §9.4b): latest result versions only,
/// countable statuses only, quarantined values dropped, nothing dated after as-of. Settings are kept: each rule
/// decides (persistence rules drop excluded settings; DXA T-scores ignore the setting).
/// </summary>
internal sealed class Chart
{
    public Chart(PatientRecord record, RuleSet rules, DateOnly asOf)
    {
        Patient = record.Patient;
        Rules = rules;
        AsOf = asOf;
        Age = record.Patient.BirthDate is { } birth ? Ages.On(birth, asOf) : null;

        var winners = LatestVersions.Of(record.Results);
        Results = new List<CountedResult>(winners.Count);
        foreach (var result in winners)
        {
            if (result.CollectedOn > asOf || !rules.Shared.Counts(result)) continue;
            if (AnalyteCatalog.Find(result.Loinc) is not { } analyte) continue;
            if (!analyte.TryConvert(result.Unit, result.Value, out var canonical)) continue;
            if (!rules.Shared.Plausibility.IsPlausible(analyte.Kind, canonical)) continue;
            Results.Add(new CountedResult(result, analyte.Kind, canonical));
        }

        Diagnoses = new List<Diagnosis>(record.Diagnoses.Count);
        foreach (var diagnosis in record.Diagnoses)
            if (diagnosis.Onset is not { } onset || onset <= asOf) Diagnoses.Add(diagnosis);

        Procedures = new List<Procedure>(record.Procedures.Count);
        foreach (var procedure in record.Procedures)
            if (procedure.PerformedOn <= asOf) Procedures.Add(procedure);
    }

    public PatientFacts Patient { get; }
    public RuleSet Rules { get; }
    public DateOnly AsOf { get; }
    public int? Age { get; }
    public List<CountedResult> Results { get; }
    public List<Diagnosis> Diagnoses { get; }
    public List<Procedure> Procedures { get; }

    /// <summary>A diagnosis in <paramref name="codes"/> active on as-of: onset ≤ as-of (or unknown), no abatement before as-of.</summary>
    public bool HasActive(CodeSet codes)
    {
        if (codes.IsEmpty) return false;
        foreach (var diagnosis in Diagnoses)
            if ((diagnosis.Abatement is not { } end || end >= AsOf) && codes.Matches(diagnosis.Code, diagnosis.System)) return true;
        return false;
    }

    /// <summary>DXA scans on or before as-of, built on first use.</summary>
    public Dxa.DxaHistory Dxa => dxa ??= global::Screening.Domain.Dxa.DxaHistory.Of(this);

    private Dxa.DxaHistory? dxa;

    public bool IsVisibleForPersistence(in CountedResult result) => !Rules.Shared.IsExcludedSetting(result.Source);
}

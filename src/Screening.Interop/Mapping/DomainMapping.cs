using Screening.Contracts;
using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;
using Screening.Domain.Codes;

namespace Screening.Interop.Mapping;

/// <summary>
/// Contract records → the domain's input records. <c>CollectedOn</c> is the calendar day as written in the
/// collection timestamp (never shifted to UTC). Values and units are passed as reported: the rules convert.
/// </summary>
public static class DomainMapping
{
    /// <summary>
    /// A validated result as a domain observation. A status-only version (no value: pending, cancelled, retracted)
    /// gets value 0 in the canonical unit; the rules never count those statuses, but the version still supersedes
    /// earlier ones with the same identity.
    /// </summary>
    public static LabObservation ToObservation(LabResultReported result, long sequence)
    {
        var analyte = AnalyteCatalog.AnalyteOf(result.Loinc);
        var hasValue = result.Value is not null;
        return new LabObservation(
            result.SourceSystem,
            result.ResultId,
            sequence,
            result.Loinc,
            result.Value ?? 0m,
            hasValue ? result.Unit ?? "" : analyte is { } a ? AnalyteCatalog.CanonicalUnitOf(a) : result.Unit ?? "",
            DateOnly.FromDateTime((result.CollectedAt ?? default).DateTime),
            ResultStatusNames.Parse(result.Status) ?? ResultStatus.Unknown,
            Setting(result.EncounterClass),
            result.ReferenceLow,
            result.ReferenceHigh);
    }

    /// <summary>A validated result's setting (<see cref="ResultValidation"/> rejected an unknown encounter class).</summary>
    public static EncounterSetting Setting(string? encounterClass) => EncounterClasses.Parse(encounterClass) ?? EncounterSetting.Outpatient;

    public static PatientFacts ToFacts(PatientUpdated patient) => new(
        patient.PatientId,
        Sexes.Parse(patient.Sex),
        patient.BirthDate,
        patient.DeceasedDate,
        patient.Hospice ?? false,
        patient.OptedOut ?? false,
        patient.CareTeam);

    public static Diagnosis ToDiagnosis(ConditionReported condition)
        => new(condition.Code, CodeSystemNames.Parse(condition.System) ?? CodeSystem.Other, condition.Onset, condition.Abatement);

    public static Procedure ToProcedure(ProcedureReported procedure)
        => new(procedure.ProcedureId ?? $"{procedure.SourceSystem}|{procedure.Code}|{procedure.PerformedOn:yyyy-MM-dd}",
            procedure.Code,
            CodeSystemNames.Parse(procedure.System) ?? CodeSystem.Other,
            procedure.PerformedOn);
}

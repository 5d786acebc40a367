using System.Text.Json;
using Screening.Contracts;
using Screening.Data.Screening;
using Screening.Interop;
using Screening.Interop.Mapping;
using Screening.Domain.Results;
using Screening.Domain.Rules;

namespace Screening.Data.Ingest;

/// <summary>
/// Turns one reported result into evidence to store, an ignored non-target analyte, or a reject with its reason
/// and payload. Clinical validation (time, status, unit, plausibility) is the readers' <see cref="ResultValidation"/>;
/// this adds what storage needs: identity fields present and a known encounter class.
/// </summary>
public static class ResultAcceptance
{
    public abstract record Verdict
    {
        public sealed record Store(AcceptedResult Result) : Verdict;
        public sealed record Ignore : Verdict;
        public sealed record Reject(InputReject Record) : Verdict;
    }

    public static Verdict Evaluate(LabResultReported result, DateTimeOffset receivedAt, RuleSet rules)
    {
        // Raw JSON may carry null for any field, whatever the contract says: every field the store reads is checked here.
        if (IdentifierLimits.Check(("patientId", result.PatientId, IdentifierLimits.PatientId), ("resultId", result.ResultId, IdentifierLimits.ResultId),
                ("sourceSystem", result.SourceSystem, IdentifierLimits.SourceSystem), ("loinc", result.Loinc, IdentifierLimits.Code),
                ("status", result.Status, IdentifierLimits.Code)) is { } problem)
            return Reject(result, problem.Reason, problem.Detail);
        var encounter = StoredCodes.NormalizeEncounter(result.EncounterClass);
        if (encounter is null)
            return Reject(result, "invalid-status", $"encounterClass '{result.EncounterClass}' is not outpatient, inpatient, emergency or dialysis");
        var verdict = ResultValidation.Validate(result, receivedAt, rules);
        if (verdict.IsIgnored) return new Verdict.Ignore();
        if (!verdict.IsAccepted) return Reject(result, verdict.ReasonCode!, verdict.Detail!);
        var status = ResultStatusNames.Of(ResultStatusNames.Parse(result.Status) ?? ResultStatus.Unknown);
        return new Verdict.Store(new AcceptedResult(result.PatientId.Trim(), result.SourceSystem.Trim(), result.ResultId.Trim(),
            result.Loinc.Trim(), AnalyteCatalog.NameOf(verdict.Analyte!.Value), result.Value, result.Unit, verdict.CanonicalValue,
            verdict.CanonicalUnit, result.CollectedAt!.Value, status, encounter, result.ReferenceLow, result.ReferenceHigh,
            string.IsNullOrWhiteSpace(result.PatientSystem) ? null : result.PatientSystem.Trim()) { Reported = result });
    }

    private static Verdict Reject(LabResultReported r, string code, string detail) =>
        new Verdict.Reject(new InputReject(code, detail, $"{r.SourceSystem}/{r.ResultId}", JsonSerializer.Serialize(r, JsonDefaults.Options)));
}

using System.Text.Json;
using Screening.Contracts;
using Screening.Data.Screening;

namespace Screening.Data.Ingest;

/// <summary>
/// Validates one reported result before it becomes evidence: status, collection time, future date, analyte,
/// unit and plausibility. Retractions and cancellations are accepted without a value (they are tombstones).
/// </summary>
public static class ResultAcceptance
{
    /// <summary>A collection time more than this far after receipt is a future date (clock skew allowance).</summary>
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    public static ResultVerdict Evaluate(LabResultReported result, DateTimeOffset receivedAt)
    {
        var status = StoredCodes.NormalizeStatus(result.Status);
        if (status is null) return Reject(result, "invalid-status", $"status '{result.Status}' is not a FHIR Observation status this pipeline accepts", "$.status");
        var encounter = StoredCodes.NormalizeEncounter(result.EncounterClass);
        if (encounter is null) return Reject(result, "invalid-encounter-class", $"encounterClass '{result.EncounterClass}' is not outpatient, inpatient, emergency or dialysis", "$.encounterClass");
        if (result.CollectedAt is not { } collectedAt) return Reject(result, "missing-collection-time", "collectedAt is required (specimen collection time)", "$.collectedAt");
        if (collectedAt > receivedAt + FutureTolerance) return Reject(result, "future-date", $"collectedAt {collectedAt:O} is after the time it was received", "$.collectedAt");
        if (string.IsNullOrWhiteSpace(result.PatientId)) return Reject(result, "unknown-patient-id", "patientId is empty", "$.patientId");
        if (string.IsNullOrWhiteSpace(result.ResultId)) return Reject(result, "missing-field", "resultId is empty", "$.resultId");

        var analyte = Analytes.Lookup(result.Loinc);
        if (analyte is null) return new ResultVerdict.Ignore();
        var tombstone = status is "entered-in-error" or "cancelled";
        if (result.Value is not { } value)
            return tombstone
                ? Accept(result, analyte, null, null, collectedAt, status, encounter)
                : Reject(result, "missing-value", "value is required for a countable result", "$.value");
        var check = Analytes.Check(result.Loinc, value, result.Unit ?? "");
        return check switch
        {
            Analytes.Verdict.Ok ok => Accept(result, ok.Analyte, ok.CanonicalValue, ok.CanonicalUnit, collectedAt, status, encounter),
            Analytes.Verdict.Bad bad => Reject(result, bad.ReasonCode, bad.Detail, bad.ReasonCode == "unknown-unit" ? "$.unit" : "$.value"),
            _ => new ResultVerdict.Ignore(),
        };
    }

    private static ResultVerdict Accept(LabResultReported r, string analyte, decimal? canonicalValue, string? canonicalUnit,
        DateTimeOffset collectedAt, string status, string encounter) =>
        new ResultVerdict.Accept(new AcceptedResult(r.PatientId.Trim(), r.SourceSystem.Trim(), r.ResultId.Trim(), r.Loinc.Trim(), analyte,
            r.Value, r.Unit, canonicalValue, canonicalUnit, collectedAt, status, encounter, r.ReferenceLow, r.ReferenceHigh));

    private static ResultVerdict Reject(LabResultReported r, string code, string detail, string location) =>
        new ResultVerdict.Reject(new RejectRecord(code, detail, location, JsonSerializer.Serialize(r, JsonDefaults.Options)));
}

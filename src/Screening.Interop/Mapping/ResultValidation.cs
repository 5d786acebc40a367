using Screening.Contracts;
using Screening.Domain.Results;
using Screening.Domain.Rules;
using Screening.Domain.Codes;

namespace Screening.Interop.Mapping;

/// <summary>
/// Ingest validation of one reported result, in order: an encounter class that is not in <see cref="EncounterClasses"/>
/// → <c>invalid-encounter-class</c> (never guessed, so file mode and the database agree); non-target LOINC → ignored; no collection time →
/// <c>missing-collection-time</c>; collected more than one day after <c>receivedAt</c> → <c>future-date</c>;
/// unknown status → <c>invalid-status</c>; no value → <c>missing-value</c> (allowed for registered, preliminary,
/// cancelled and entered-in-error versions, which carry status only); unit not accepted for the analyte →
/// <c>unknown-unit</c>; outside the plausibility limits → <c>implausible-value</c> (the last three by the domain's
/// <see cref="LabValues.Check(string, decimal?, string?, RuleSet?)"/>). Pure: the clock is a parameter.
/// </summary>
public static class ResultValidation
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    public static ResultVerdict Validate(LabResultReported result, DateTimeOffset receivedAt, RuleSet? rules = null)
    {
        if (EncounterClasses.Parse(result.EncounterClass) is null)
            return ResultVerdict.Rejected(RejectReasons.InvalidEncounterClass,
                $"encounterClass '{result.EncounterClass}' is not {EncounterClasses.Listed}");
        if (AnalyteCatalog.AnalyteOf(result.Loinc) is not { } analyte) return ResultVerdict.Ignored;
        var name = $"{AnalyteCatalog.NameOf(analyte)} ({result.Loinc})";
        if (result.CollectedAt is not { } collectedAt)
            return ResultVerdict.Rejected(RejectReasons.MissingCollectionTime, $"{name} result has no collection time");
        if (collectedAt > receivedAt + FutureTolerance)
            return ResultVerdict.Rejected(RejectReasons.FutureDate, $"{name} collected {collectedAt:yyyy-MM-dd'T'HH:mmzzz}, after the time it was received");
        var status = ResultStatusNames.Parse(result.Status);
        if (status is null or ResultStatus.Unknown)
            return ResultVerdict.Rejected(RejectReasons.InvalidStatus, $"status '{result.Status}' cannot be counted or ignored safely");
        if (result.Value is null && status is not (ResultStatus.Final or ResultStatus.Amended or ResultStatus.Corrected))
            return ResultVerdict.Accepted(analyte, null, AnalyteCatalog.CanonicalUnitOf(analyte));
        return LabValues.Check(result.Loinc, result.Value, result.Unit, rules) switch
        {
            LabValueVerdict.Accepted accepted => ResultVerdict.Accepted(accepted.Kind, accepted.Value, accepted.Unit),
            LabValueVerdict.Rejected { ReasonCode: RejectReasons.MissingValue } => ResultVerdict.Rejected(RejectReasons.MissingValue,
                $"{name} has no plain numeric value (absent, text, or with a comparator such as '<')"),
            LabValueVerdict.Rejected rejected => ResultVerdict.Rejected(rejected.ReasonCode, rejected.Detail),
            _ => ResultVerdict.Ignored,
        };
    }
}

using Screening.Contracts;
using Screening.Domain.Results;
using Screening.Domain.Rules;

namespace Screening.Interop.Mapping;

/// <summary>
/// Ingest validation of one reported result, in order: non-target LOINC → ignored; no collection time →
/// <c>missing-collection-time</c>; collected more than one day after <c>receivedAt</c> → <c>future-date</c>;
/// unknown status → <c>invalid-status</c>; no value → <c>missing-value</c> (allowed for registered, preliminary,
/// cancelled and entered-in-error versions, which carry status only); unit not accepted for the analyte →
/// <c>unknown-unit</c>; outside the plausibility limits → <c>implausible-value</c>. Pure: the clock is a parameter.
/// </summary>
public static class ResultValidation
{
    private static readonly TimeSpan FutureTolerance = TimeSpan.FromDays(1);

    public static ResultVerdict Validate(LabResultReported result, DateTimeOffset receivedAt, PlausibilityLimits? limits = null)
    {
        if (AnalyteCatalog.AnalyteOf(result.Loinc) is not { } analyte) return ResultVerdict.Ignored;
        var name = $"{AnalyteCatalog.NameOf(analyte)} ({result.Loinc})";
        if (result.CollectedAt is not { } collectedAt)
            return ResultVerdict.Rejected(RejectReasons.MissingCollectionTime, $"{name} result has no collection time");
        if (collectedAt > receivedAt + FutureTolerance)
            return ResultVerdict.Rejected(RejectReasons.FutureDate, $"{name} collected {collectedAt:yyyy-MM-dd'T'HH:mmzzz}, after the time it was received");
        var status = ResultStatusNames.Parse(result.Status);
        if (status is null or ResultStatus.Unknown)
            return ResultVerdict.Rejected(RejectReasons.InvalidStatus, $"status '{result.Status}' cannot be counted or ignored safely");
        var canonicalUnit = AnalyteCatalog.CanonicalUnitOf(analyte);
        if (result.Value is not { } value)
        {
            return status is ResultStatus.Final or ResultStatus.Amended or ResultStatus.Corrected
                ? ResultVerdict.Rejected(RejectReasons.MissingValue, $"{name} has no plain numeric value (absent, text, or with a comparator such as '<')")
                : ResultVerdict.Accepted(analyte, null, canonicalUnit);
        }
        if (!AnalyteCatalog.TryConvert(analyte, value, result.Unit, out var canonical))
            return ResultVerdict.Rejected(RejectReasons.UnknownUnit, $"unit '{result.Unit}' is not accepted for {name}");
        if (!(limits ?? PlausibilityLimits.Default).IsPlausible(analyte, canonical))
            return ResultVerdict.Rejected(RejectReasons.ImplausibleValue, $"{name} {value} {result.Unit} is outside the plausible range");
        return ResultVerdict.Accepted(analyte, canonical, canonicalUnit);
    }
}

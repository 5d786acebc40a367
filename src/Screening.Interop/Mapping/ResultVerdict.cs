using Screening.Domain.Results;

namespace Screening.Interop.Mapping;

/// <summary>
/// What validation concluded about one reported result: <see cref="IsAccepted"/> (with the analyte and the value in
/// its canonical unit), <see cref="IsIgnored"/> (a LOINC screening does not use) or rejected with a reason code.
/// </summary>
public sealed record ResultVerdict
{
    public bool IsAccepted => Analyte is not null && ReasonCode is null;
    public bool IsIgnored => Analyte is null && ReasonCode is null;
    public string? ReasonCode { get; private init; }
    public string? Detail { get; private init; }
    public Analyte? Analyte { get; private init; }
    /// <summary>The value in the analyte's canonical unit; null for a status-only version (pending, cancelled, retracted).</summary>
    public decimal? CanonicalValue { get; private init; }
    public string? CanonicalUnit { get; private init; }

    public static ResultVerdict Accepted(Analyte analyte, decimal? canonicalValue, string canonicalUnit)
        => new() { Analyte = analyte, CanonicalValue = canonicalValue, CanonicalUnit = canonicalUnit };

    public static ResultVerdict Ignored { get; } = new();

    public static ResultVerdict Rejected(string reasonCode, string detail) => new() { ReasonCode = reasonCode, Detail = detail };

    /// <summary>This verdict as a stored reject (location = the result identity, payload = the caller's raw unit).</summary>
    public InputReject ToReject(string location, string payload) => new(ReasonCode ?? "", Detail ?? "", location, payload);
}

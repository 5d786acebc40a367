namespace Screening.Domain.Results;

/// <summary>The reason codes a quarantined value is stored with (clinical-rules §9.1 "Plausibility", §6.5).</summary>
public static class RejectReasons
{
    public const string UnknownUnit = "unknown-unit";
    public const string ImplausibleValue = "implausible-value";
    public const string MissingValue = "missing-value";
}

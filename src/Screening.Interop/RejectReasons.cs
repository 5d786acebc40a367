namespace Screening.Interop;

/// <summary>The reject reason codes every reader and the validation use (exact strings, stored and counted).</summary>
public static class RejectReasons
{
    public const string Unparseable = "unparseable";
    public const string UnsupportedMessage = "unsupported-message";
    public const string UnknownPatientId = "unknown-patient-id";
    public const string UnmappedCode = "unmapped-code";
    public const string UnknownUnit = "unknown-unit";
    public const string ImplausibleValue = "implausible-value";
    public const string MissingValue = "missing-value";
    public const string MissingCollectionTime = "missing-collection-time";
    public const string FutureDate = "future-date";
    public const string InvalidStatus = "invalid-status";
    public const string MissingField = "missing-field";
    /// <summary>The unit's identifiers are linked to two or more different patients (never merged silently).</summary>
    public const string IdentityConflict = "identity-conflict";
    /// <summary>An identifier's stated issuing system is not a configured assigning authority (Identity:UnknownAuthorities = reject).</summary>
    public const string UnknownAssigningAuthority = "unknown-assigning-authority";
}

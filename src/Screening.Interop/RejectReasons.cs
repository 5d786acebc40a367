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
    /// <summary>An identifier longer than the store accepts (limits in docs/reliability.md).</summary>
    public const string IdentifierTooLong = "identifier-too-long";
    /// <summary>A JSON body whose fields have the wrong type (a string where a number belongs, an object for a date).</summary>
    public const string WrongType = "wrong-type";
    /// <summary>A body larger than the queue accepts.</summary>
    public const string TooLarge = "too-large";
    /// <summary>Valid input the store refused (a PostgreSQL data error on this one unit); status <c>rejected</c>.</summary>
    public const string Unstorable = "unstorable";
    /// <summary>A unit that failed for a reason that is not its content (a bug): stored with status <c>faulted</c>.</summary>
    public const string ProcessingFailed = "processing-failed";
    /// <summary>A message dead-lettered by the broker (delivery limit) or found in a <c>_error</c> queue: status <c>faulted</c>.</summary>
    public const string DeadLettered = "dead-lettered";
}

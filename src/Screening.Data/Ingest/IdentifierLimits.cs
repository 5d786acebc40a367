namespace Screening.Data.Ingest;

/// <summary>
/// The longest identifiers the store accepts (docs/reliability.md). Longer ones are rejected with
/// <see cref="Screening.Interop.RejectReasons.IdentifierTooLong"/>; without a limit a 20 KB <c>resultId</c> reached
/// PostgreSQL's index row limit (54000) and failed the whole batch it was in.
/// </summary>
public static class IdentifierLimits
{
    public const int SourceSystem = 100;
    public const int ResultId = 200;
    public const int PatientId = 200;
    public const int Code = 64;

    /// <summary>The first identifier that is absent or too long, as a reject reason and detail; null when all fit.</summary>
    public static (string Reason, string Detail)? Check(params (string Field, string? Value, int Max)[] fields)
    {
        foreach (var (field, value, max) in fields)
        {
            if (string.IsNullOrWhiteSpace(value))
                return (field == "patientId" ? Interop.RejectReasons.UnknownPatientId : Interop.RejectReasons.MissingField, $"{field} is empty or missing");
            if (value.Trim().Length > max)
                return (Interop.RejectReasons.IdentifierTooLong, $"{field} is {value.Length} characters; at most {max} are accepted");
        }
        return null;
    }
}

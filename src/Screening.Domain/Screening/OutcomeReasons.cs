namespace Screening.Domain.Screening;

/// <summary>The reason codes a <see cref="RuleOutcome"/> carries when a rule is not met, excluded or suspended.</summary>
public static class OutcomeReasons
{
    public const string Deceased = "deceased";
    public const string Hospice = "hospice";
    public const string OptedOut = "opted-out";
    public const string Under18 = "under-18";
    public const string UnknownAge = "unknown-age";
    public const string Pregnancy = "pregnancy";
    public const string ManagedElsewhere = "managed-elsewhere";
    public const string NoResults = "no-results";
    public const string NormalValue = "normal-value";
    public const string TooFewLows = "too-few-lows";
    public const string SpanTooShort = "span-too-short";
    public const string TooOld = "too-old";
    public const string NotEligible = "not-eligible";
    public const string NotDue = "not-due";
    public const string DueSoon = "due-soon";
    public const string Due = "due";
    public const string Overdue = "overdue";
}

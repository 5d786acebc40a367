using Screening.Domain.Screening;
using Screening.Data.Platform;

namespace Screening.Data.Screen;

/// <summary>
/// One rule's outcome as <c>patient_condition</c> stores it: enough to reconcile tasks (kind, reason, the finding's
/// evidence key) without loading the patient's record or rebuilding the finding.
/// </summary>
public sealed record StoredOutcome(string Rule, OutcomeKind Kind, string? Reason, string? EvidenceKey)
{
    public static string StatusCode(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Met => "met",
        OutcomeKind.Excluded => "excluded",
        OutcomeKind.Suspended => "suspended",
        _ => "not-met",
    };

    public static OutcomeKind ParseStatus(string status) => status switch
    {
        "met" => OutcomeKind.Met,
        "excluded" => OutcomeKind.Excluded,
        "suspended" => OutcomeKind.Suspended,
        _ => OutcomeKind.NotMet,
    };
}

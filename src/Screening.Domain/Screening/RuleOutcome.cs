namespace Screening.Domain.Screening;

/// <summary>
/// What one rule concluded for one patient. <see cref="Reason"/> explains Excluded/Suspended/NotMet
/// (e.g. deceased, hospice, opted-out, under-18, pregnancy, normal-value, too-old, evidence-retracted; see
/// <see cref="OutcomeReasons"/>). For OVERDUE DXA a NotMet outcome carries the display status (not-due, due-soon, due)
/// as its reason and the computed <see cref="DueDate"/>.
/// </summary>
public sealed record RuleOutcome(string Rule, OutcomeKind Kind, string? Reason = null, Finding? Finding = null, DateOnly? DueDate = null);

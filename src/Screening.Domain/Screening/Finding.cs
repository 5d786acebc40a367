namespace Screening.Domain.Screening;

/// <summary>
/// A rule that is currently met for a patient on the as-of date, with everything needed to explain it:
/// evidence, since, lowest value, priority, suggested work-up, and the rule version and parameters used.
/// </summary>
public sealed record Finding(
    string PatientId,
    string Rule,
    DateOnly AsOf,
    DateOnly? Since,
    MeasuredValue? Lowest,
    IReadOnlyList<EvidenceItem> Evidence,
    Priority Priority,
    string RuleVersion,
    string Summary,
    IReadOnlyList<string> SuggestedWorkup,
    IReadOnlyDictionary<string, string> Parameters,
    IReadOnlyDictionary<string, string> Details,
    DateOnly? DueDate = null);

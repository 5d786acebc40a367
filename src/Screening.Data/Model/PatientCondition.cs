namespace Screening.Data.Model;

/// <summary>Row of <c>patient_condition</c>: the current outcome of one rule for one patient.</summary>
public sealed class PatientCondition
{
    public long PatientKey { get; set; }
    public required string RuleId { get; set; }
    public required string Status { get; set; }
    public string? Reason { get; set; }
    public DateOnly? Since { get; set; }
    public decimal? LowestValue { get; set; }
    public string? LowestUnit { get; set; }
    public DateOnly? LowestOn { get; set; }
    public int EvidenceCount { get; set; }
    public string? Finding { get; set; }
    public required string RuleVersion { get; set; }
    public DateOnly EvaluatedAsOf { get; set; }
    /// <summary>First as-of date on which time alone may change this outcome (null: never); it holds from EvaluatedAsOf until then.</summary>
    public DateOnly? StableUntil { get; set; }
    public string? EvidenceKey { get; set; }
    /// <summary>The rule file (version + content hash) this outcome was evaluated with.</summary>
    public string? RulesFingerprint { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
}

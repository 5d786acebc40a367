namespace Screening.Domain.Screening;

/// <summary>The outcome of every rule for one patient on one as-of date.</summary>
public sealed record PatientScreening(string PatientId, DateOnly AsOf, IReadOnlyList<RuleOutcome> Outcomes)
{
    /// <summary>TEMPORARY stub until the domain change lands.</summary>
    public DateOnly? StableUntil { get; init; }

    public IEnumerable<Finding> Findings => Outcomes.Where(o => o.Finding is not null).Select(o => o.Finding!);
}

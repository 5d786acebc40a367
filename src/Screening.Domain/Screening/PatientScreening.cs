namespace Screening.Domain.Screening;

/// <summary>
/// The outcome of every rule for one patient on one as-of date. <see cref="StableUntil"/>: the first later date on
/// which time alone (no new data) could change an outcome; every date from <see cref="AsOf"/> up to the day before
/// gives the same outcomes (all but <see cref="Finding.AsOf"/> and the DXA <c>overdueDays</c> detail). Null: no
/// date ever does.
/// </summary>
public sealed record PatientScreening(string PatientId, DateOnly AsOf, IReadOnlyList<RuleOutcome> Outcomes, DateOnly? StableUntil = null)
{
    public IEnumerable<Finding> Findings => Outcomes.Where(o => o.Finding is not null).Select(o => o.Finding!);
}

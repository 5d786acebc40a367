namespace Screening.Domain.Persistence;

/// <summary>
/// The current streak: indices <see cref="Start"/>..<see cref="End"/> (inclusive) of the low days that form the run
/// containing the most recent counted day, whether it meets the rule, why not, and the day it first met count and span.
/// <see cref="ChangesOn"/>: the day the latest low leaves the recency window (the verdict turns <c>too-old</c>), when
/// the latest counted day is a low still inside it; otherwise null (only new data can change the verdict).
/// </summary>
internal readonly record struct StreakVerdict(bool Met, string? Reason, int Start, int End, DateOnly? MetOn, DateOnly? ChangesOn = null)
{
    public int Count => End - Start + 1;
}

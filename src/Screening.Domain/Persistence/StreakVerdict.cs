namespace Screening.Domain.Persistence;

/// <summary>
/// The current streak: indices <see cref="Start"/>..<see cref="End"/> (inclusive) of the low days that form the run
/// containing the most recent counted day, whether it meets the rule, why not, and the day it first met count and span.
/// </summary>
internal readonly record struct StreakVerdict(bool Met, string? Reason, int Start, int End, DateOnly? MetOn)
{
    public int Count => End - Start + 1;
}

using Screening.Domain.Screening;

namespace Screening.Domain.Codes;

/// <summary>The task priority as stored and filtered (<c>outreach_task.priority</c>), most urgent first.</summary>
public static class Priorities
{
    public static readonly IReadOnlyList<string> Codes = ["urgent", "high", "normal", "low"];

    public static string Code(Priority priority) => priority switch
    {
        Priority.Low => "low",
        Priority.High => "high",
        Priority.Urgent => "urgent",
        _ => "normal",
    };

    /// <summary>The SQL rank (0 = urgent) of a priority column, most urgent first.</summary>
    public static string SqlRank(string column) => $"(CASE {column} WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END)";
}

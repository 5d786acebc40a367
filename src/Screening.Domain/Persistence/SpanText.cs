using Screening.Domain.Units;

namespace Screening.Domain.Persistence;

/// <summary>Task-text wording of a minimum span: 180 days → "6 months", 30 days → "1 month", 45 days → "45 days".</summary>
internal static class SpanText
{
    public static string Of(int days)
    {
        if (days >= 30 && days % 30 == 0) return days == 30 ? "1 month" : Display.Integer(days / 30) + " months";
        return Display.Integer(days) + " days";
    }
}

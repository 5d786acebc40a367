using Screening.Domain.Rules;
using Screening.Domain.Units;

namespace Screening.Domain.Anemia;

/// <summary>WHO 2011 adult severity band of a hemoglobin value: mild, moderate or severe (clinical-rules §1.2).</summary>
internal static class AnemiaSeverity
{
    public static string Of(Hemoglobin lowest, AnemiaParameters parameters)
    {
        if (lowest >= parameters.MildFrom) return "mild";
        return lowest >= parameters.ModerateFrom ? "moderate" : "severe";
    }
}

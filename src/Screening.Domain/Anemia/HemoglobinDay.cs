using Screening.Domain.Results;
using Screening.Domain.Units;

namespace Screening.Domain.Anemia;

/// <summary>The lowest countable hemoglobin of one calendar day and the threshold it was judged against.</summary>
internal readonly record struct HemoglobinDay(DateOnly Day, Hemoglobin Value, Hemoglobin Threshold, bool ThresholdFromLab, LabObservation Source)
{
    public bool IsLow => Value < Threshold;
}

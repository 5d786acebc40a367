using Screening.Domain.Screening;
using Screening.Domain.Units;

namespace Screening.Domain.Dxa;

/// <summary>
/// Everything recorded for one DXA scan date: procedures and T-score observations (clinical-rules §9.4
/// clarifications). The T-score used is the lowest central one; the radius score only when no central exists.
/// </summary>
internal sealed class DxaScan(DateOnly on)
{
    public DateOnly On { get; } = on;
    public TScore? LowestCentral { get; private set; }
    public TScore? LowestRadius { get; private set; }
    public List<EvidenceItem> Evidence { get; } = [];

    public TScore? Used => LowestCentral ?? LowestRadius;
    public string UsedSite => LowestCentral is not null ? "central" : LowestRadius is not null ? "radius" : "none";

    public void AddCentral(TScore score) => LowestCentral = LowestCentral is { } current && current <= score ? current : score;
    public void AddRadius(TScore score) => LowestRadius = LowestRadius is { } current && current <= score ? current : score;
}

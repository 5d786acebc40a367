using Screening.Data.Platform;
namespace Screening.Data.Attribution;

/// <summary>What a panel import did: lines stored, patients already known that moved to their panel team.</summary>
public sealed record PanelImport(string Panel, int Lines, int PatientsMoved, int TasksMoved);

namespace Screening.Contracts;

/// <summary>A patient's name for outreach (PHI): family name and given names in order.</summary>
public sealed record PersonName
{
    public string? Family { get; init; }
    public IReadOnlyList<string> Given { get; init; } = [];
}

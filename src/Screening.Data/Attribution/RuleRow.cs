using Screening.Data.Platform;
namespace Screening.Data.Attribution;

/// <summary>A row of <c>attribution_rule</c>.</summary>
public sealed record RuleRow(long Id, string Basis, string Value, string Team, string Note, bool Active, DateTimeOffset CreatedAt, string CreatedBy);

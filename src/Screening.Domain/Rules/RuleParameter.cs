namespace Screening.Domain.Rules;

/// <summary>One active parameter as read from the rule file: JSON path, value as written, and its source note.</summary>
public sealed record RuleParameter(string Path, string Value, string? Source);

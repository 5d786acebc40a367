namespace Screening.Domain.Rules;

/// <summary>One problem in a rule file: where (a JSON path such as <c>$.anemia.thresholds.male.lt</c>) and why.</summary>
public sealed record RuleFileProblem(string Path, string Reason);

using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;

namespace Screening.Domain.Catalog;

/// <summary>
/// What the rest of the system knows about one rule, declared in the rule's own folder: its id, the inputs it reads
/// (what the incremental screen must watch: a future-dated item a rule reads is a change point), its plain-language
/// text generated from the active rule file, the analytes its chart shows with their thresholds, and its work-up.
/// A rule that reads an input it does not declare fails <c>RuleCatalogSpecs</c>.
/// </summary>
public abstract class RuleDefinition
{
    public abstract string Id { get; }

    /// <summary>Whether the rule reads this countable, plausible result (in canonical units).</summary>
    internal virtual bool Reads(RuleSet rules, in CountedResult result) => false;

    /// <summary>Whether the rule reads this result: countable, of a known unit, plausible and declared.</summary>
    public bool Reads(RuleSet rules, LabObservation observation) =>
        rules.Shared.Counts(observation) && AnalyteCatalog.Find(observation.Loinc) is { } analyte
        && analyte.TryConvert(observation.Unit, observation.Value, out var canonical)
        && rules.Shared.Plausibility.IsPlausible(analyte.Kind, canonical)
        && Reads(rules, new CountedResult(observation, analyte.Kind, canonical));

    public virtual bool Reads(RuleSet rules, Diagnosis diagnosis) => false;

    public virtual bool Reads(RuleSet rules, Procedure procedure) => false;

    /// <summary>The rule in plain language, with the numbers of <paramref name="rules"/> (never literals).</summary>
    public abstract string Describe(RuleSet rules);

    /// <summary>The analytes the patient page charts for this rule.</summary>
    public virtual IReadOnlyList<ChartLine> Charts => [];

    /// <summary>The line drawn on an analyte's chart when the finding names none: the rule's threshold for the sex.</summary>
    public virtual decimal? Threshold(RuleSet rules, Analyte analyte, Sex sex) => null;

    /// <summary>The work-up suggested on this rule's tasks (before the program-policy DXA item).</summary>
    public virtual IReadOnlyList<string> Workup(RuleSet rules) => [];
}

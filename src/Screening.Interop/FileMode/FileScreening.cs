using Screening.Domain.Rules;
using Screening.Domain.Screening;
using Screening.Interop.Csv;
using Screening.Interop.Fhir;
using Screening.Interop.Hl7v2;
using Screening.Interop.Ndjson;
using Screening.Interop.Synthea;

namespace Screening.Interop.FileMode;

/// <summary>
/// The database-free screen (<c>screening screen --from … --as-of … --rules … --out …</c>): reads every source,
/// validates each result (rejects go to <c>diagnostics</c> as <c>&lt;file&gt;: &lt;location&gt;: &lt;reason&gt;: &lt;detail&gt;</c>,
/// never stopping), builds one record per patient, evaluates the rules on the as-of date and writes one NDJSON line
/// per (patient, rule) currently met, ordered by patient id then rule. Deterministic for the same inputs.
/// </summary>
public static class FileScreening
{
    public static FileScreenSummary Run(FileScreenRequest request, RuleSet rules, TextWriter findingsOut, TextWriter diagnostics)
    {
        var sources = InputDetection.Sources(request.Path, request.Format);
        var population = new PopulationBuilder(request.ReceivedAt, rules, request.Identity,
            (source, reject) => diagnostics.WriteLine($"{Path.GetFileName(source)}: {reject.Location}: {reject.ReasonCode}: {reject.Detail}"));
        var aliases = new PatientAliases();
        foreach (var source in sources.Where(s => s.Format == InputFormat.Fhir))
            foreach (var _ in Read(source, request, aliases)) { }
        foreach (var source in sources)
            foreach (var outcome in Read(source, request, aliases)) population.Add(source.Path, source.Format, outcome);

        var findings = new Dictionary<string, int>(StringComparer.Ordinal);
        var patients = 0;
        foreach (var record in population.Records())
        {
            patients++;
            var screening = Screen.Evaluate(record, rules, request.AsOf);
            foreach (var finding in screening.Findings.OrderBy(f => RuleOrder(f.Rule)).ThenBy(f => f.Rule, StringComparer.Ordinal))
            {
                findingsOut.WriteLine(FindingJson.Line(finding));
                findings[finding.Rule] = findings.GetValueOrDefault(finding.Rule) + 1;
            }
        }
        return new FileScreenSummary(sources.Count, patients, population.Accepted, population.Superseded,
            population.RejectedByReason, population.Ignored, findings);
    }

    /// <summary>The read outcomes of one source, streamed in batches where the format allows.</summary>
    public static IEnumerable<ReadOutcome> Read(InputSource source, FileScreenRequest request, PatientAliases aliases) => source.Format switch
    {
        InputFormat.Synthea => SyntheaExportReader.ReadBatches(source.Path, request.BatchSize),
        InputFormat.Ndjson => CanonicalNdjsonReader.ReadFileBatches(source.Path, request.Codes, request.BatchSize),
        InputFormat.Csv => ResultsCsvReader.ReadFileBatches(source.Path, request.BatchSize),
        InputFormat.Hl7v2 => [Hl7v2Reader.ReadFile(source.Path, request.Codes)],
        _ when IsNdjson(source.Path) => FhirNdjsonReader.ReadFileBatches(source.Path, request.Codes, aliases, request.BatchSize),
        _ => [FhirReader.ReadFile(source.Path, request.Codes, aliases)],
    };

    private static bool IsNdjson(string path) => Path.GetExtension(path).ToLowerInvariant() is ".ndjson" or ".jsonl";

    private static int RuleOrder(string rule)
    {
        var index = RuleIds.Nightly.ToList().IndexOf(rule);
        return index < 0 ? int.MaxValue : index;
    }
}

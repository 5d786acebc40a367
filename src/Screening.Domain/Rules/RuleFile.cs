using System.Text.Json;
using Screening.Domain.Measures;

namespace Screening.Domain.Rules;

/// <summary>
/// Reads and validates a rule file (<c>seeds/rules.json</c>, clinical-rules §9). Reports every problem found,
/// each with its JSON path and reason; a rule set is returned only when there is none.
/// </summary>
public static class RuleFile
{
    public static (RuleSet? Rules, IReadOnlyList<RuleFileProblem> Problems) Parse(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { AllowTrailingCommas = false, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            return (null, [new RuleFileProblem("$", "not valid JSON: " + e.Message)]);
        }

        using (document)
        {
            var reader = new RuleFileReader();
            if (document.RootElement.ValueKind != JsonValueKind.Object)
                return (null, [new RuleFileProblem("$", "wrong type: expected an object")]);

            var root = JsonSection.Root(document.RootElement, reader);
            var version = root.Text("version", record: false);
            foreach (var optional in new[] { "$schema", "description" })
                if (document.RootElement.TryGetProperty(optional, out _)) root.Text(optional, record: false);
            ValueSetsReader.Read(root);
            var shared = SharedSectionReader.Read(root);
            var anemia = AnemiaSectionReader.Read(root);
            var hypocalcemia = HypocalcemiaSectionReader.Read(root);
            var dxa = DxaSectionReader.Read(root);
            var measures = MeasuresSectionReader.Read(root);
            root.Finish();
            ValueSetsReader.ReportUnused(reader);

            if (reader.Problems.Count > 0 || shared is null || anemia is null || hypocalcemia is null || dxa is null)
                return (null, reader.Problems);

            return (new RuleSet
            {
                Version = version,
                Shared = shared,
                Anemia = anemia,
                Hypocalcemia = hypocalcemia,
                Dxa = dxa,
                Measures = measures,
                Parameters = reader.Parameters,
                ValueSets = reader.ValueSets,
            }, []);
        }
    }
}

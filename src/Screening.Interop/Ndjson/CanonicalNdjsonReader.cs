using System.Text.Json;
using Screening.Contracts;
using Screening.Interop.Mapping;

namespace Screening.Interop.Ndjson;

/// <summary>
/// The canonical file-mode format: one JSON object per line with a <c>type</c> of <c>patient</c>, <c>labResult</c>,
/// <c>condition</c> or <c>procedure</c> (field names in README / FileScreening docs). A bad line is rejected with
/// its line number and reading continues. A labResult with <c>"codeSystem":"local"</c> is mapped per sourceSystem.
/// </summary>
public static class CanonicalNdjsonReader
{
    public static IEnumerable<ReadOutcome> ReadBatches(TextReader reader, LocalCodeMap codes, int batchSize = 1000)
        => LineBatches.Batches(reader, batchSize, (number, line, output) => ReadLine(line, $"line {number}", codes, output));

    public static IEnumerable<ReadOutcome> ReadFileBatches(string path, LocalCodeMap codes, int batchSize = 1000)
    {
        using var reader = LineBatches.Open(path);
        foreach (var batch in ReadBatches(reader, codes, batchSize)) yield return batch;
    }

    /// <summary>
    /// One JSON object (a line, or a raw queue message body). <paramref name="defaultType"/> is used when the object
    /// has no <c>type</c>, e.g. "labResult" for a queue that carries raw <c>LabResultReported</c> JSON.
    /// </summary>
    public static ReadOutcome ReadObject(string json, LocalCodeMap codes, string? defaultType = null)
    {
        var output = new ReadOutcomeBuilder();
        ReadLine(json, "$", codes, output, defaultType);
        return output.Build();
    }

    private static void ReadLine(string line, string location, LocalCodeMap codes, ReadOutcomeBuilder output, string? defaultType = null)
    {
        JsonDocument document;
        try { document = JsonDocument.Parse(line, new JsonDocumentOptions { MaxDepth = 16 }); }
        catch (JsonException)
        {
            output.Reject(RejectReasons.Unparseable, "not a JSON object", location, line);
            return;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                output.Reject(RejectReasons.Unparseable, "not a JSON object", location, line);
                return;
            }
            var record = new CanonicalRecord(root);
            var type = record.Optional("type") ?? defaultType;
            switch (type)
            {
                case "patient": Add(CanonicalRecords.Patient(record), output.Patients); break;
                case "labResult": Add(CanonicalRecords.LabResult(record, codes), output.Results); break;
                case "condition": Add(CanonicalRecords.Condition(record), output.Conditions); break;
                case "procedure": Add(CanonicalRecords.Procedure(record), output.Procedures); break;
                case "merge":
                    if (CanonicalRecords.Merge(root) is { } merge) output.Merges.Add(merge);
                    else record.Fail(RejectReasons.MissingField, "a merge needs retired.value and survivor.value", "retired");
                    break;
                default:
                    record.Fail(type is null ? RejectReasons.MissingField : RejectReasons.UnsupportedMessage,
                        type is null ? "'type' is required" : $"type '{type}' is not patient, labResult, condition or procedure", "type");
                    break;
            }
            if (record.Problem is var (reason, detail, field)) output.Reject(reason, detail, $"{location}: $.{field}", line);

            void Add<T>(T item, List<T> list)
            {
                if (record.Problem is null) list.Add(item);
            }
        }
    }
}

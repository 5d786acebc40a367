using System.Text;
using Screening.Interop.Mapping;

namespace Screening.Interop.Fhir;

/// <summary>
/// FHIR bulk-export NDJSON (one resource per line), streamed in batches. Reject locations are <c>line N</c>.
/// Keep one <see cref="PatientAliases"/> across the files of an export (read Patient.ndjson first).
/// </summary>
public static class FhirNdjsonReader
{
    public static IEnumerable<ReadOutcome> ReadBatches(TextReader reader, LocalCodeMap codes, PatientAliases aliases, int batchSize = 1000)
        => LineBatches.Batches(reader, batchSize,
            (number, line, output) => FhirReader.ReadInto(Encoding.UTF8.GetBytes(line), codes, aliases, output, $"line {number}: $"));

    public static IEnumerable<ReadOutcome> ReadFileBatches(string path, LocalCodeMap codes, PatientAliases aliases, int batchSize = 1000)
    {
        using var reader = LineBatches.Open(path);
        foreach (var batch in ReadBatches(reader, codes, aliases, batchSize)) yield return batch;
    }
}

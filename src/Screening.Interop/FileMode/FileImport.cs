using Screening.Interop.Fhir;
using Screening.Interop.Mapping;

namespace Screening.Interop.FileMode;

/// <summary>
/// Streams a file or directory (any format, detected as in <see cref="InputDetection"/>) into batches for a bulk
/// import (<c>screening import</c>): each batch becomes one <c>ClinicalRecordsReported</c> via
/// <see cref="ReadOutcome.ToRecords"/>, its rejects go to the reject store. Results are NOT validated here: the
/// consumer runs <see cref="ResultValidation"/> as for any other feed.
/// </summary>
public static class FileImport
{
    public static IEnumerable<(InputSource Source, ReadOutcome Batch)> Batches(string path, InputFormat? format, LocalCodeMap codes, int batchSize = 1000)
    {
        var sources = InputDetection.Sources(path, format);
        var aliases = new PatientAliases();
        var request = new FileScreenRequest(path, format, default, default) { Codes = codes, BatchSize = batchSize };
        foreach (var source in sources.Where(s => s.Format == InputFormat.Fhir))
            foreach (var _ in FileScreening.Read(source, request, aliases)) { }
        foreach (var source in sources)
            foreach (var batch in FileScreening.Read(source, request, aliases))
                yield return (source, batch);
    }
}

namespace Screening.Interop.FileMode;

/// <summary>
/// Which reader reads what. With an explicit format every file is read as that format (a directory: its files in
/// name order, or the directory itself for Synthea). Without one: a directory with patients.csv is a Synthea export;
/// otherwise each file by extension — .ndjson/.jsonl (canonical, or FHIR bulk when lines carry resourceType),
/// .hl7/.txt HL7 v2, .json FHIR, .csv results CSV. Files with other extensions are skipped.
/// </summary>
public static class InputDetection
{
    public static IReadOnlyList<InputSource> Sources(string path, InputFormat? format)
    {
        if (Directory.Exists(path))
        {
            if (format is InputFormat.Synthea || (format is null && Synthea.SyntheaExportReader.IsExport(path)))
                return [new InputSource(path, InputFormat.Synthea)];
            return Directory.EnumerateFiles(path).Order(StringComparer.Ordinal)
                .Select(file => format is { } f ? new InputSource(file, f) : ByExtension(file))
                .OfType<InputSource>().ToList();
        }
        if (format is { } explicitFormat) return [new InputSource(path, explicitFormat)];
        return ByExtension(path) is { } source ? [source] : [];
    }

    public static InputSource? ByExtension(string file) => Path.GetExtension(file).ToLowerInvariant() switch
    {
        ".ndjson" or ".jsonl" => new InputSource(file, IsFhirNdjson(file) ? InputFormat.Fhir : InputFormat.Ndjson),
        ".hl7" or ".txt" => new InputSource(file, InputFormat.Hl7v2),
        ".json" => new InputSource(file, InputFormat.Fhir),
        ".csv" => new InputSource(file, InputFormat.Csv),
        _ => null,
    };

    /// <summary>Whether the first non-blank line of an NDJSON file is a FHIR resource (has resourceType).</summary>
    public static bool IsFhirNdjson(string file)
    {
        using var reader = LineBatches.Open(file);
        foreach (var (_, line) in LineBatches.Lines(reader).Take(100))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            try
            {
                using var document = System.Text.Json.JsonDocument.Parse(line);
                return document.RootElement.ValueKind == System.Text.Json.JsonValueKind.Object
                       && document.RootElement.TryGetProperty("resourceType", out _);
            }
            catch (System.Text.Json.JsonException)
            {
                return false;
            }
        }
        return false;
    }
}

using Screening.Interop.FileMode;

namespace Screening.App.Feeds;

/// <summary>How many units an import will read, for the progress bar's ETA: line counts of line-based files (a fast byte scan).</summary>
public static class ImportEstimate
{
    private static readonly string[] SyntheaFiles = ["patients.csv", "observations.csv", "procedures.csv", "conditions.csv"];

    /// <summary>Null when a source is not line-based (HL7 v2, FHIR JSON): the bar is then indeterminate.</summary>
    public static long? Units(IReadOnlyList<InputSource> sources)
    {
        long total = 0;
        foreach (var source in sources)
        {
            switch (source.Format)
            {
                case InputFormat.Synthea:
                    foreach (var name in SyntheaFiles)
                        if (Path.Combine(source.Path, name) is var file && File.Exists(file)) total += Math.Max(0, Lines(file) - 1);
                    break;
                case InputFormat.Csv: total += Math.Max(0, Lines(source.Path) - 1); break;
                case InputFormat.Ndjson: total += Lines(source.Path); break;
                case InputFormat.Fhir when Path.GetExtension(source.Path).ToLowerInvariant() is ".ndjson" or ".jsonl": total += Lines(source.Path); break;
                default: return null;
            }
        }
        return total;
    }

    private static long Lines(string file)
    {
        using var stream = File.OpenRead(file);
        var buffer = new byte[1 << 16];
        long lines = 0;
        int read;
        var last = (byte)'\n';
        while ((read = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            lines += buffer.AsSpan(0, read).Count((byte)'\n');
            last = buffer[read - 1];
        }
        return last == '\n' ? lines : lines + 1;
    }
}

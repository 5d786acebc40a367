using System.Text;

namespace Screening.Interop;

/// <summary>Streams a text file line by line (1-based line numbers) without holding it in memory.</summary>
internal static class LineBatches
{
    public static IEnumerable<(int Number, string Text)> Lines(TextReader reader)
    {
        var number = 0;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (number == 1) line = line.TrimStart('\uFEFF');
            yield return (number, line);
        }
    }

    public static StreamReader Open(string path) => new(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    /// <summary>Runs <paramref name="readLine"/> over every non-blank line and yields an outcome every <paramref name="batchSize"/> units.</summary>
    public static IEnumerable<ReadOutcome> Batches(TextReader reader, int batchSize, Action<int, string, ReadOutcomeBuilder> readLine)
    {
        var output = new ReadOutcomeBuilder();
        foreach (var (number, text) in Lines(reader))
        {
            if (string.IsNullOrWhiteSpace(text)) continue;
            readLine(number, text, output);
            if (output.Count < Math.Max(1, batchSize)) continue;
            yield return output.Build();
            output.Clear();
        }
        if (output.Count > 0) yield return output.Build();
    }
}

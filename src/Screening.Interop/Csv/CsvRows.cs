using System.Globalization;
using System.Text;
using CsvHelper;

namespace Screening.Interop.Csv;

/// <summary>
/// Streams a CSV file (CsvHelper 34 reader) as rows addressed by header name, with the line number each row starts
/// on. Robust to hostile input: a line break always ends a record (one bad quote cannot swallow the file), records
/// are capped at 1 MiB, malformed quoting is recovered, and an unrecoverable read ends the file with a reject.
/// </summary>
internal sealed class CsvRows : IDisposable
{
    private readonly CsvReader reader;
    private readonly Dictionary<string, int> columns = new(StringComparer.OrdinalIgnoreCase);

    public CsvRows(TextReader text, string name = "")
    {
        Name = name;
        reader = CsvReader.Create(text, CsvReaderOptions.Default with
        {
            Separator = ',',
            HasHeader = true,
            AllowLineBreaksInQuotes = false,
            MaxRecordSize = 1 << 20,
            TrimWhitespace = true,
            TrackLineNumbers = true,
            DetectSeparatorHint = false,
            IncludeValuesInExceptions = false,
        }, leaveOpen: true);
        try
        {
            var headers = reader.Headers;
            for (var i = 0; i < headers.Count; i++) columns.TryAdd(headers[i].Trim().TrimStart('\uFEFF'), i);
        }
        catch (CsvFormatException)
        {
            Failure = "the header line cannot be read as CSV";
        }
    }

    /// <summary>The file name, prefixed to reject locations.</summary>
    public string Name { get; }

    public long Line { get; private set; } = 1;

    public string Where(string column) => Name.Length > 0 ? $"{Name}: line {Line}: {column}" : $"line {Line}: {column}";

    /// <summary>Set when the file could not be read further; the caller rejects the rest of the file with it.</summary>
    public string? Failure { get; private set; }

    public string RawRow { get; private set; } = "";

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The first of <paramref name="names"/> present in the header, or null.</summary>
    public string? Pick(params string[] names) => names.FirstOrDefault(Has);

    public IEnumerable<string> Missing(params string[] required) => required.Where(c => !Has(c));

    public bool Next()
    {
        if (Failure is not null) return false;
        try
        {
            if (!reader.Read()) return false;
            Line = reader.LineNumber;
            RawRow = Encoding.UTF8.GetString(reader.RawRecord);
            return true;
        }
        catch (CsvFormatException)
        {
            Failure = $"CSV cannot be read after line {Line}";
            return false;
        }
    }

    public string this[string? column]
        => column is not null && columns.TryGetValue(column, out var i) && i < reader.FieldCount ? reader.GetString(i).Trim() : "";

    public static decimal? Decimal(string text)
        => text.Length is > 0 and <= 40
           && decimal.TryParse(text, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent,
               CultureInfo.InvariantCulture, out var value) ? value : null;

    public void Dispose() => reader.Dispose();
}

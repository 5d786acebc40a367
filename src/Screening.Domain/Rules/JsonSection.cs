using System.Globalization;
using System.Text.Json;

namespace Screening.Domain.Rules;

/// <summary>
/// One JSON object of a rule file, read key by key. Every read reports its own problem (missing, wrong type,
/// out of range) with the JSON path and returns a harmless default, so a broken file yields every problem at once.
/// <see cref="Finish"/> reports unknown keys and, in rule sections, parameters without a <c>source</c> note.
/// </summary>
internal sealed partial class JsonSection
{
    private readonly JsonElement element;
    private readonly RuleFileReader reader;
    private readonly HashSet<string> read = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>? sources;
    private readonly string? inheritedSource;

    private JsonSection(JsonElement element, string path, RuleFileReader reader, Dictionary<string, string>? sources, string? inheritedSource)
    {
        this.element = element;
        Path = path;
        this.reader = reader;
        this.sources = sources;
        this.inheritedSource = inheritedSource;
    }

    public string Path { get; }
    public RuleFileReader Reader => reader;

    public static JsonSection Root(JsonElement element, RuleFileReader reader) => new(element, "$", reader, null, null);

    public string At(string name) => Path + "." + name;

    public string? SourceOf(string name) => sources is not null ? sources.GetValueOrDefault(name) : inheritedSource;

    /// <summary>A nested object; <paramref name="withSources"/> makes it a rule section with a <c>sources</c> map.</summary>
    public JsonSection? Object(string name, bool withSources = false, bool optional = false)
    {
        if (Get(name, JsonValueKind.Object, "an object", optional) is not { } value) return null;
        Dictionary<string, string>? notes = null;
        if (withSources)
        {
            notes = new Dictionary<string, string>(StringComparer.Ordinal);
            var path = At(name) + ".sources";
            if (!value.TryGetProperty("sources", out var sourceElement))
                reader.Problem(path, "missing: every parameter needs a source note");
            else if (sourceElement.ValueKind != JsonValueKind.Object)
                reader.Problem(path, "wrong type: expected an object of source notes");
            else
                foreach (var note in sourceElement.EnumerateObject())
                {
                    if (note.Value.ValueKind == JsonValueKind.String && note.Value.GetString() is { Length: > 0 } text) notes[note.Name] = text;
                    else reader.Problem(path + "." + note.Name, "wrong type: a source note must be a non-empty string");
                }
        }
        return new JsonSection(value, At(name), reader, notes, SourceOf(name));
    }

    public int Int(string name, int min, int max, bool record = true)
    {
        if (Get(name, JsonValueKind.Number, "a whole number") is not { } value) return min;
        if (!value.TryGetInt32(out var number)) { reader.Problem(At(name), "wrong type: expected a whole number, found " + value.GetRawText()); return min; }
        if (number < min || number > max) { reader.Problem(At(name), $"out of range: {number} is not within {min}..{max}"); return min; }
        if (record) reader.Accept(At(name), number.ToString(CultureInfo.InvariantCulture), SourceOf(name));
        return number;
    }

    public decimal Decimal(string name, decimal min, decimal max, bool record = true) => OptionalDecimal(name, min, max, record, optional: false) ?? min;

    public decimal? OptionalDecimal(string name, decimal min, decimal max, bool record = true, bool optional = true)
    {
        if (Get(name, JsonValueKind.Number, "a number", optional) is not { } value) return null;
        if (!value.TryGetDecimal(out var number)) { reader.Problem(At(name), "wrong type: expected a decimal number"); return null; }
        if (number < min || number > max)
        {
            reader.Problem(At(name), string.Create(CultureInfo.InvariantCulture, $"out of range: {number} is not within {min}..{max}"));
            return null;
        }
        if (record) reader.Accept(At(name), number.ToString(CultureInfo.InvariantCulture), SourceOf(name));
        return number;
    }

    public bool Bool(string name)
    {
        if (Get(name, JsonValueKind.True, "true or false") is not { } value) return false;
        var flag = value.GetBoolean();
        reader.Accept(At(name), flag ? "true" : "false", SourceOf(name));
        return flag;
    }

    public string Text(string name, bool record = true)
    {
        if (Get(name, JsonValueKind.String, "a string") is not { } value) return string.Empty;
        var text = value.GetString() ?? string.Empty;
        if (text.Trim().Length == 0) { reader.Problem(At(name), "empty: expected a non-empty string"); return string.Empty; }
        if (record) reader.Accept(At(name), text, SourceOf(name));
        return text;
    }

    /// <summary>Reports keys nobody read (typos) and, in rule sections, parameters without a source note.</summary>
    public void Finish()
    {
        foreach (var property in element.EnumerateObject())
        {
            if (sources is not null && property.Name == "sources") continue;
            if (!read.Contains(property.Name)) reader.Problem(At(property.Name), "unknown key");
        }
        if (sources is null) return;
        foreach (var property in element.EnumerateObject())
            if (property.Name != "sources" && !sources.ContainsKey(property.Name))
                reader.Problem(Path + ".sources." + property.Name, "missing source note");
        foreach (var name in sources.Keys)
            if (!read.Contains(name)) reader.Problem(Path + ".sources." + name, "source note for an unknown parameter");
    }

    internal void MarkRead(string name) => read.Add(name);

    private JsonElement? Get(string name, JsonValueKind kind, string expected, bool optional = false)
    {
        read.Add(name);
        if (!element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            if (!optional) reader.Problem(At(name), "missing");
            return null;
        }
        var matches = kind == JsonValueKind.True ? value.ValueKind is JsonValueKind.True or JsonValueKind.False : value.ValueKind == kind;
        if (matches) return value;
        reader.Problem(At(name), $"wrong type: expected {expected}, found {Describe(value.ValueKind)}");
        return null;
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}

using System.Globalization;
using System.Text.Json;

namespace Screening.Domain.Rules;

/// <summary>Array readers of <see cref="JsonSection"/>: string lists and lists of objects.</summary>
internal sealed partial class JsonSection
{
    /// <summary>An array of non-empty strings; each bad item is reported at its index.</summary>
    public IReadOnlyList<string> Texts(string name, bool allowEmpty, bool record = true)
    {
        if (Get(name, JsonValueKind.Array, "an array of strings") is not { } value) return [];
        var items = new List<string>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = At(name) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            if (item.ValueKind != JsonValueKind.String || item.GetString() is not { Length: > 0 } text || text.Trim().Length == 0)
                reader.Problem(path, "wrong type: expected a non-empty string");
            else items.Add(text.Trim());
            index++;
        }
        if (items.Count == 0 && !allowEmpty && index == 0) reader.Problem(At(name), "empty: expected at least one entry");
        if (record) reader.Accept(At(name), string.Join(", ", items), SourceOf(name));
        return items;
    }

    /// <summary>An array of objects, each read as its own section (path <c>name[i]</c>).</summary>
    public IReadOnlyList<JsonSection> Objects(string name)
    {
        if (Get(name, JsonValueKind.Array, "an array of objects") is not { } value) return [];
        var sections = new List<JsonSection>();
        var index = 0;
        foreach (var item in value.EnumerateArray())
        {
            var path = At(name) + "[" + index.ToString(CultureInfo.InvariantCulture) + "]";
            if (item.ValueKind == JsonValueKind.Object) sections.Add(new JsonSection(item, path, reader, null, SourceOf(name)));
            else reader.Problem(path, $"wrong type: expected an object, found {Describe(item.ValueKind)}");
            index++;
        }
        if (index == 0) reader.Problem(At(name), "empty: expected at least one entry");
        return sections;
    }

    /// <summary>An optional array of strings: absent means empty.</summary>
    public IReadOnlyList<string> OptionalTexts(string name)
    {
        MarkRead(name);
        return element.TryGetProperty(name, out _) ? Texts(name, allowEmpty: true, record: false) : [];
    }
}

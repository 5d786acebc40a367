namespace Screening.Interop.Hl7v2;

/// <summary>
/// One segment split into raw (still escaped) fields. <c>Field(n)</c> uses HL7 numbering: for MSH, field 1 is the
/// field separator and field 2 the encoding characters, so MSH-9 is <c>Field(9)</c> like everywhere else.
/// </summary>
internal sealed class Hl7Segment
{
    private readonly string[] fields;

    private Hl7Segment(string name, string[] fields, Hl7Encoding encoding)
    {
        Name = name;
        this.fields = fields;
        Encoding = encoding;
    }

    public string Name { get; }
    public Hl7Encoding Encoding { get; }

    public static Hl7Segment Parse(string line, Hl7Encoding encoding)
    {
        var parts = line.Split(encoding.Field);
        var name = parts[0];
        if (name != "MSH") return new Hl7Segment(name, parts, encoding);
        var msh = new string[parts.Length + 1];
        msh[0] = name;
        msh[1] = encoding.Field.ToString();
        Array.Copy(parts, 1, msh, 2, parts.Length - 1);
        return new Hl7Segment(name, msh, encoding);
    }

    /// <summary>Raw field n (empty when absent).</summary>
    public string Field(int n) => n >= 0 && n < fields.Length ? fields[n] : "";

    /// <summary>Component c (1-based) of repetition r (0-based) of field n, first subcomponent, unescaped and trimmed.</summary>
    public string Value(int n, int component = 1, int repetition = 0)
    {
        var raw = Field(n);
        if (raw.Length == 0) return "";
        var rep = Nth(raw, Encoding.Repetition, repetition);
        var comp = Nth(rep, Encoding.Component, component - 1);
        var sub = Nth(comp, Encoding.Subcomponent, 0);
        return Encoding.Unescape(sub).Trim();
    }

    /// <summary>How many repetitions field n has (0 when empty).</summary>
    public int RepetitionCount(int n) => Field(n) is { Length: > 0 } raw ? raw.Count(ch => ch == Encoding.Repetition) + 1 : 0;

    /// <summary>Subcomponent s (1-based) of component c of repetition r of field n, unescaped and trimmed.</summary>
    public string Sub(int n, int component, int subcomponent, int repetition = 0)
    {
        var raw = Field(n);
        if (raw.Length == 0) return "";
        var comp = Nth(Nth(raw, Encoding.Repetition, repetition), Encoding.Component, component - 1);
        return Encoding.Unescape(Nth(comp, Encoding.Subcomponent, subcomponent - 1)).Trim();
    }

    /// <summary>Whether field n has more than one repetition.</summary>
    public bool Repeats(int n) => Field(n).IndexOf(Encoding.Repetition) >= 0;

    private static string Nth(string text, char separator, int index)
    {
        var start = 0;
        for (var i = 0; i < index; i++)
        {
            var next = text.IndexOf(separator, start);
            if (next < 0) return "";
            start = next + 1;
        }
        var end = text.IndexOf(separator, start);
        return end < 0 ? text[start..] : text[start..end];
    }
}

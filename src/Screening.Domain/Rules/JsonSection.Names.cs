using System.Text.Json;

namespace Screening.Domain.Rules;

/// <summary>Property names of a <see cref="JsonSection"/>, for objects keyed by name (value sets).</summary>
internal sealed partial class JsonSection
{
    public bool Has(string name) => element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out _);

    public IReadOnlyList<string> Names() => element.ValueKind == JsonValueKind.Object ? [.. element.EnumerateObject().Select(p => p.Name)] : [];
}

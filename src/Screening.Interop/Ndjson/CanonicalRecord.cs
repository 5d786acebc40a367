using System.Text.Json;
using Screening.Interop.Fhir;

namespace Screening.Interop.Ndjson;

/// <summary>
/// Typed, strict reads of one canonical NDJSON object. The first problem wins: it is kept as (reason, detail,
/// field) and every later read returns a neutral value, so a record is either complete or rejected once.
/// </summary>
internal sealed class CanonicalRecord(JsonElement root)
{
    public (string Reason, string Detail, string Field)? Problem { get; private set; }

    public string Required(string name, string reason = RejectReasons.MissingField)
    {
        var text = Optional(name);
        if (string.IsNullOrWhiteSpace(text)) Fail(reason, $"'{name}' is required", name);
        return text?.Trim() ?? "";
    }

    public string? Optional(string name)
    {
        var element = root.Child(name);
        if (element is null) return null;
        if (element.Value.ValueKind == JsonValueKind.String) return element.Value.GetString();
        Fail(RejectReasons.Unparseable, $"'{name}' must be a string", name);
        return null;
    }

    public decimal? Number(string name)
    {
        var element = root.Child(name);
        if (element is null) return null;
        if (element.Value.ValueKind == JsonValueKind.Number && element.Value.TryGetDecimal(out var value)) return value;
        Fail(RejectReasons.Unparseable, $"'{name}' must be a decimal number", name);
        return null;
    }

    public bool Flag(string name)
    {
        var element = root.Child(name);
        if (element is null) return false;
        if (element.Value.ValueKind is JsonValueKind.True or JsonValueKind.False) return element.Value.GetBoolean();
        Fail(RejectReasons.Unparseable, $"'{name}' must be true or false", name);
        return false;
    }

    public DateOnly? Date(string name, bool required = false, string reason = RejectReasons.MissingField)
    {
        var text = required ? Required(name, reason) : Optional(name);
        if (string.IsNullOrEmpty(text)) return null;
        var date = FhirJson.Date(text);
        if (date is null) Fail(RejectReasons.Unparseable, $"'{name}' must be an ISO date (yyyy-MM-dd)", name);
        return date;
    }

    public DateTimeOffset? Timestamp(string name, string reason)
    {
        var text = Optional(name);
        if (string.IsNullOrWhiteSpace(text))
        {
            Fail(reason, $"'{name}' is required", name);
            return null;
        }
        var value = FhirJson.DateTime(text.Trim());
        if (value is null) Fail(reason, $"'{name}' must be an ISO 8601 date or date-time", name);
        return value;
    }

    public string? OneOf(string name, string reason, string? fallback, params string[] allowed)
    {
        var text = Optional(name);
        if (text is null) return fallback;
        if (allowed.Contains(text, StringComparer.Ordinal)) return text;
        Fail(reason, $"'{name}' must be one of {string.Join(", ", allowed)}", name);
        return fallback;
    }

    public bool Has(string name) => root.Child(name) is not null;

    /// <summary><c>[{"system": "HOSP", "value": "14", "type": "MR"}]</c>; null when absent.</summary>
    public IReadOnlyList<Contracts.PatientIdentifierReported>? Identifiers(string name)
    {
        if (root.Child(name) is not { } element) return null;
        if (element.ValueKind != JsonValueKind.Array) { Fail(RejectReasons.Unparseable, $"'{name}' must be an array", name); return null; }
        var list = new List<Contracts.PatientIdentifierReported>();
        var i = 0;
        foreach (var item in element.EnumerateArray())
        {
            var value = item.ValueKind == JsonValueKind.Object ? item.Text("value") : null;
            if (string.IsNullOrWhiteSpace(value)) { Fail(RejectReasons.UnknownPatientId, $"'{name}[{i}].value' is required", $"{name}[{i}].value"); return null; }
            list.Add(new Contracts.PatientIdentifierReported { Value = value.Trim(), System = item.Text("system"), Type = item.Text("type") });
            i++;
        }
        return list;
    }

    /// <summary>The <see cref="Contracts.PatientDemographics"/> object as the contract serialises it (camelCase); null when absent.</summary>
    public Contracts.PatientDemographics? Demographics(string name)
    {
        if (root.Child(name) is not { } element) return null;
        try
        {
            return element.Deserialize<Contracts.PatientDemographics>(new JsonSerializerOptions(JsonSerializerDefaults.Web));
        }
        catch (JsonException)
        {
            Fail(RejectReasons.Unparseable, $"'{name}' is not a demographics object (name, phones, address, language, pcpId, …)", name);
            return null;
        }
    }

    public void Fail(string reason, string detail, string field) => Problem ??= (reason, detail, field);
}

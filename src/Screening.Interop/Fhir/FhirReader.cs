using System.Text;
using System.Text.Json;
using Screening.Interop.Mapping;
using Screening.Domain.Codes;

namespace Screening.Interop.Fhir;

/// <summary>
/// Entry point for FHIR R4 JSON: one resource (Observation, Patient, Procedure, Condition) or a Bundle (collection,
/// transaction, searchset, batch, document, history and their responses). Other resource types are counted as
/// ignored. Pass one <see cref="PatientAliases"/> across calls to resolve <c>Patient/&lt;id&gt;</c> references to
/// identifiers learnt from Patient resources read earlier. Never throws on bad input.
/// </summary>
public static class FhirReader
{
    private static readonly HashSet<string> BundleTypes =
        ["collection", "transaction", "searchset", "batch", "document", "history", "transaction-response", "batch-response"];

    public static ReadOutcome Read(string json, LocalCodeMap codes, PatientAliases? aliases = null)
        => Read(Encoding.UTF8.GetBytes(json), codes, aliases);

    public static ReadOutcome Read(ReadOnlySpan<byte> utf8, LocalCodeMap codes, PatientAliases? aliases = null)
    {
        var output = new ReadOutcomeBuilder();
        ReadInto(utf8, codes, aliases ?? new PatientAliases(), output, "$");
        return output.Build();
    }

    public static ReadOutcome ReadFile(string path, LocalCodeMap codes, PatientAliases? aliases = null)
        => Read(File.ReadAllBytes(path), codes, aliases);

    internal static void ReadInto(ReadOnlySpan<byte> utf8, LocalCodeMap codes, PatientAliases aliases, ReadOutcomeBuilder output, string location)
    {
        if (utf8.StartsWith(Encoding.UTF8.Preamble)) utf8 = utf8[3..];
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(utf8.ToArray(), new JsonDocumentOptions { MaxDepth = 64 });
        }
        catch (JsonException e)
        {
            output.Reject(RejectReasons.Unparseable, $"not JSON: {e.Message}", location, Encoding.UTF8.GetString(utf8));
            return;
        }
        using (document) ReadResource(document.RootElement, codes, aliases, output, location, Encoding.UTF8.GetString(utf8));
    }

    private static void ReadResource(JsonElement root, LocalCodeMap codes, PatientAliases aliases, ReadOutcomeBuilder output, string location, string payload)
    {
        var type = root.Text("resourceType");
        if (type is null)
        {
            output.Reject(RejectReasons.Unparseable, "not a FHIR resource: no resourceType", $"{location}.resourceType", payload);
            return;
        }
        var context = new FhirBundleContext(aliases);
        if (type != "Bundle")
        {
            context.Learn([(root, null)]);
            ReadEntry(root, location, null, payload, context, codes, output);
            return;
        }
        var bundleType = root.Text("type");
        if (bundleType is null || !BundleTypes.Contains(bundleType))
        {
            output.Reject(RejectReasons.UnsupportedMessage, $"Bundle type '{bundleType}' is not read", $"{location}.type", payload);
            return;
        }
        var entries = root.Items("entry")
            .Select((entry, i) => (Resource: entry.Child("resource"), FullUrl: entry.Text("fullUrl"), Index: i))
            .Where(e => e.Resource is { ValueKind: JsonValueKind.Object })
            .Select(e => (e.Resource!.Value, e.FullUrl, e.Index)).ToList();
        context.Learn(entries.Select(e => (e.Value, e.FullUrl)).ToList());
        foreach (var (resource, fullUrl, index) in entries)
            ReadEntry(resource, $"{location}.entry[{index}].resource", fullUrl, resource.GetRawText(), context, codes, output);
    }

    private static void ReadEntry(JsonElement resource, string path, string? fullUrl, string payload,
        FhirBundleContext context, LocalCodeMap codes, ReadOutcomeBuilder output)
    {
        switch (resource.Text("resourceType"))
        {
            case "Observation": FhirObservation.Read(resource, path, fullUrl, payload, context, codes, output); break;
            case "Patient": FhirPatient.Read(resource, path, payload, output); break;
            case "Procedure": FhirClinical.ReadProcedure(resource, path, payload, context, output); break;
            case "Condition": FhirClinical.ReadCondition(resource, path, payload, context, output); break;
            default: output.Ignored++; break;
        }
    }
}

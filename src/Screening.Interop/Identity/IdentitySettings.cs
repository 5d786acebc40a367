using Screening.Domain.Identity;

namespace Screening.Interop.Identity;

/// <summary>
/// How bare ids are namespaced and which issuing systems are accepted (docs/identity.md). A bare id (no CX.4, no
/// FHIR identifier.system, no <c>patientSystem</c>) gets the default system of the feed it arrived on
/// (<see cref="FeedDefaults"/> by format: json, ndjson, csv, hl7v2, fhir, synthea), else <see cref="DefaultSystem"/>.
/// </summary>
public sealed record IdentitySettings
{
    public string DefaultSystem { get; init; } = "local";
    public IReadOnlyDictionary<string, string> FeedDefaults { get; init; } = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
    public AssigningAuthorityPolicy Authorities { get; init; } = AssigningAuthorityPolicy.AcceptAll;

    public static IdentitySettings Default { get; } = new();

    public string DefaultSystemOf(string format) =>
        FeedDefaults.TryGetValue(format, out var system) && !string.IsNullOrWhiteSpace(system) ? system.Trim() : DefaultSystem;
}

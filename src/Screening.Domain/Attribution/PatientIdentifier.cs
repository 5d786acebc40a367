namespace Screening.Domain.Attribution;

/// <summary>An identifier as its issuing system knows it (HL7 v2 CX.4 / FHIR Identifier.system, and the value).</summary>
public sealed record PatientIdentifier(string System, string Value)
{
    /// <summary>The panel-file spelling: <c>system|value</c>.</summary>
    public override string ToString() => $"{System}|{Value}";
}

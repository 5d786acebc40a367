namespace Screening.Contracts;

/// <summary>
/// One identifier of a patient as an issuing system knows it: HL7 v2 PID-3 CX (CX.1 value, CX.4 assigning authority,
/// CX.5 type), FHIR <c>Patient.identifier</c> (<c>system|value</c>, <c>type.coding[0].code</c>). A null
/// <see cref="System"/> is a bare id: the feed's configured default system applies (docs/identity.md).
/// </summary>
public sealed record PatientIdentifierReported
{
    public string? System { get; init; }
    public required string Value { get; init; }
    /// <summary>Identifier type (HL7 table 0203): MR, PI, SS, PT, … or null.</summary>
    public string? Type { get; init; }
}

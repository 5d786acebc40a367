namespace Screening.Interop.FileMode;

/// <summary>The input formats of a file-mode screen (<c>--format</c>).</summary>
public enum InputFormat { Ndjson, Synthea, Hl7v2, Fhir, Csv }

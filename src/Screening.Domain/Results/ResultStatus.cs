namespace Screening.Domain.Results;

/// <summary>FHIR R4 Observation.status (HL7 v2 OBX-11 maps onto it, clinical-rules §7).</summary>
public enum ResultStatus { Unknown, Registered, Preliminary, Final, Amended, Corrected, Cancelled, EnteredInError }

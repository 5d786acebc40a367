namespace Screening.Interop.Hl7v2;

/// <summary>
/// OBX-11 (HL7 table 0085) → the contract status (FHIR vocabulary), clinical-rules §7. Unknown codes map to null,
/// which the reader rejects as <c>invalid-status</c>.
/// </summary>
public static class Hl7ResultStatus
{
    public static string? ToContractStatus(string obx11) => obx11 switch
    {
        "F" or "B" or "U" or "V" => "final",
        "C" => "corrected",
        "A" => "amended",
        "P" or "S" => "preliminary",
        "R" => "preliminary",
        "I" or "O" or "N" => "registered",
        "X" => "cancelled",
        "D" or "W" => "entered-in-error",
        _ => null,
    };
}

using Screening.Domain.Patients;

namespace Screening.Domain.Rules;

/// <summary>The code-system keys used in the rule file: <c>icd10</c>, <c>snomed</c>, <c>cpt</c>, <c>loinc</c>.</summary>
public static class CodeSystemNames
{
    public static string Of(CodeSystem system) => system switch
    {
        CodeSystem.Icd10 => "icd10",
        CodeSystem.Snomed => "snomed",
        CodeSystem.Cpt => "cpt",
        CodeSystem.Loinc => "loinc",
        _ => "other",
    };

    public static CodeSystem? Parse(string name) => name switch
    {
        "icd10" => CodeSystem.Icd10,
        "snomed" => CodeSystem.Snomed,
        "cpt" => CodeSystem.Cpt,
        "loinc" => CodeSystem.Loinc,
        _ => null,
    };
}

using Screening.Domain.Patients;

namespace Screening.Domain.Rules;

/// <summary>The code-system keys used in the rule file: <c>icd10</c>, <c>snomed</c>, <c>cpt</c>, <c>loinc</c>, <c>rxnorm</c>.</summary>
public static class CodeSystemNames
{
    /// <summary>Every key, in the order listings print them.</summary>
    public static IReadOnlyList<string> All { get; } = ["icd10", "snomed", "cpt", "loinc", "rxnorm"];

    public static string Of(CodeSystem system) => system switch
    {
        CodeSystem.Icd10 => "icd10",
        CodeSystem.Snomed => "snomed",
        CodeSystem.Cpt => "cpt",
        CodeSystem.Loinc => "loinc",
        CodeSystem.RxNorm => "rxnorm",
        _ => "other",
    };

    public static CodeSystem? Parse(string name) => name switch
    {
        "icd10" => CodeSystem.Icd10,
        "snomed" => CodeSystem.Snomed,
        "cpt" => CodeSystem.Cpt,
        "loinc" => CodeSystem.Loinc,
        "rxnorm" => CodeSystem.RxNorm,
        _ => null,
    };
}

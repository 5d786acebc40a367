using Screening.Domain.Patients;
using Screening.Domain.Results;

namespace Screening.Domain.Rules;

/// <summary>
/// What a code of each system looks like, for <c>rules validate</c>: ICD-10-CM a letter then letters, digits and
/// dots; SNOMED CT an SCTID with its Verhoeff check digit; LOINC digits-checkdigit (mod 10); CPT five characters;
/// RxNorm an RXCUI (digits). An entry ending in <c>*</c> is a prefix and only its characters are checked.
/// </summary>
public static class CodeSyntax
{
    /// <summary>Why <paramref name="code"/> is not a valid code or prefix of <paramref name="system"/>, or null.</summary>
    public static string? ProblemWith(CodeSystem system, string code)
    {
        var prefix = code.EndsWith('*');
        var body = prefix ? code[..^1] : code;
        if (body.Length == 0) return "empty code";
        switch (system)
        {
            case CodeSystem.Icd10:
                return char.IsAsciiLetter(body[0]) && body.All(c => char.IsAsciiLetterOrDigit(c) || c == '.') ? null : "expected a letter then letters, digits or dots";
            case CodeSystem.Snomed:
                if (prefix) return body.All(char.IsAsciiDigit) ? null : "expected digits";
                return SnomedIdentifier.ProblemWith(body);
            case CodeSystem.Loinc:
                if (prefix) return "a LOINC code cannot be a prefix";
                return !LoincCode.IsWellFormed(body) ? "expected digits-checkdigit, e.g. 718-7"
                    : LoincCode.HasValidCheckDigit(body) ? null : "wrong check digit";
            case CodeSystem.Cpt:
                return (prefix || body.Length == 5) && body.All(char.IsAsciiLetterOrDigit) ? null : "expected five letters or digits";
            case CodeSystem.RxNorm:
                return body.All(char.IsAsciiDigit) ? null : "expected an RXCUI (digits)";
            default:
                return "unknown code system";
        }
    }
}

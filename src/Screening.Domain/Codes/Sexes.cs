using Screening.Domain.Patients;

namespace Screening.Domain.Codes;

/// <summary>The one table of administrative-sex spellings (readers, ingest, stored text, web and CLI).</summary>
public static class Sexes
{
    /// <summary>Any spelling a feed sends (female/f, male/m, other/o, any case); anything else is unknown.</summary>
    public static Sex Parse(string? spelling) => spelling?.Trim().ToLowerInvariant() switch
    {
        "female" or "f" => Sex.Female,
        "male" or "m" => Sex.Male,
        "other" or "o" => Sex.Other,
        _ => Sex.Unknown,
    };

    /// <summary>The stored text (<c>patient.sex</c>).</summary>
    public static string Code(Sex sex) => sex switch
    {
        Sex.Female => "female",
        Sex.Male => "male",
        Sex.Other => "other",
        _ => "unknown",
    };
}

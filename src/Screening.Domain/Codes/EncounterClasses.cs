using Screening.Domain.Results;
using Screening.Domain.Codes;

namespace Screening.Domain.Codes;

/// <summary>
/// The one table of encounter-class spellings. Absent means outpatient; an unknown class is not guessed (the
/// result is rejected as <see cref="RejectReasons.InvalidEncounterClass"/>), in file mode and in the database alike.
/// </summary>
public static class EncounterClasses
{
    public const string Outpatient = "outpatient";
    public const string Inpatient = "inpatient";
    public const string Emergency = "emergency";
    public const string Dialysis = "dialysis";

    /// <summary>The stored spellings, for messages.</summary>
    public const string Listed = "outpatient, inpatient, emergency or dialysis";

    /// <summary>A spelling (canonical, FHIR v3-ActCode or Synthea) as a setting; null for an unknown class.</summary>
    public static EncounterSetting? Parse(string? spelling) => spelling?.Trim().ToLowerInvariant() switch
    {
        null or "" or Outpatient or "ambulatory" or "wellness" or "amb" => EncounterSetting.Outpatient,
        Inpatient or "imp" or "acute" => EncounterSetting.Inpatient,
        Emergency or "emer" or "ed" => EncounterSetting.Emergency,
        Dialysis => EncounterSetting.Dialysis,
        _ => null,
    };

    /// <summary>The stored text (<c>lab_result.encounter_class</c>).</summary>
    public static string Code(EncounterSetting setting) => setting switch
    {
        EncounterSetting.Inpatient => Inpatient,
        EncounterSetting.Emergency => Emergency,
        EncounterSetting.Dialysis => Dialysis,
        _ => Outpatient,
    };

    /// <summary>The stored text of a spelling; null for an unknown class.</summary>
    public static string? Normalize(string? spelling) => Parse(spelling) is { } setting ? Code(setting) : null;
}

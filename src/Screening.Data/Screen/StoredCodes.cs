using Screening.Domain.Patients;
using Screening.Domain.Results;
using Screening.Domain.Rules;
using Screening.Data.Platform;

namespace Screening.Data.Screen;

/// <summary>The text codes the schema stores for statuses, settings and code systems, and their domain values.</summary>
public static class StoredCodes
{
    public static ResultStatus Status(string status) => ResultStatusNames.Parse(status) ?? ResultStatus.Unknown;

    public static EncounterSetting Setting(string encounterClass) => Interop.Mapping.DomainMapping.Setting(encounterClass);

    public static CodeSystem System(string system) => CodeSystemNames.Parse(system) ?? CodeSystem.Other;

    /// <summary>Normalises an encounter class; absent means outpatient, an unknown class is null (reject).</summary>
    public static string? NormalizeEncounter(string? encounterClass) => encounterClass?.Trim().ToLowerInvariant() switch
    {
        null or "" or "outpatient" or "ambulatory" or "wellness" or "amb" => "outpatient",
        "inpatient" or "imp" or "acute" => "inpatient",
        "emergency" or "emer" or "ed" => "emergency",
        "dialysis" => "dialysis",
        _ => null,
    };

    public static string Sex(string? sex) => sex?.Trim().ToLowerInvariant() switch
    {
        "female" or "f" => "female",
        "male" or "m" => "male",
        "other" or "o" => "other",
        _ => "unknown",
    };
}

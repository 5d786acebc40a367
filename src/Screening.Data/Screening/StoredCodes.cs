using Screening.Domain.Patients;
using Screening.Domain.Results;

namespace Screening.Data.Screening;

/// <summary>The text codes the schema stores for statuses, settings and code systems, and their domain values.</summary>
public static class StoredCodes
{
    public static ResultStatus Status(string status) => status switch
    {
        "final" => ResultStatus.Final,
        "amended" => ResultStatus.Amended,
        "corrected" => ResultStatus.Corrected,
        "preliminary" => ResultStatus.Preliminary,
        "registered" => ResultStatus.Registered,
        "cancelled" => ResultStatus.Cancelled,
        "entered-in-error" => ResultStatus.EnteredInError,
        _ => ResultStatus.Unknown,
    };

    public static EncounterSetting Setting(string encounterClass) => encounterClass switch
    {
        "inpatient" => EncounterSetting.Inpatient,
        "emergency" => EncounterSetting.Emergency,
        "dialysis" => EncounterSetting.Dialysis,
        _ => EncounterSetting.Outpatient,
    };

    public static CodeSystem System(string system) => system switch
    {
        "icd10" => CodeSystem.Icd10,
        "snomed" => CodeSystem.Snomed,
        "cpt" => CodeSystem.Cpt,
        "loinc" => CodeSystem.Loinc,
        _ => CodeSystem.Other,
    };

    /// <summary>Normalises a status as sent (FHIR code, any case) to the stored code; null when unknown.</summary>
    public static string? NormalizeStatus(string? status) => status?.Trim().ToLowerInvariant() switch
    {
        "final" => "final",
        "amended" => "amended",
        "corrected" => "corrected",
        "preliminary" => "preliminary",
        "registered" => "registered",
        "cancelled" => "cancelled",
        "entered-in-error" => "entered-in-error",
        _ => null,
    };

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

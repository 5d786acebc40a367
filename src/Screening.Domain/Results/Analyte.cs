namespace Screening.Domain.Results;

/// <summary>
/// What a LOINC code measures, as far as screening cares (clinical-rules §6.1–§6.2). Targets feed the rules;
/// context labs (25(OH)D, ferritin, PTH, CRP, B12, folate) are stored for work-up suggestions only.
/// </summary>
public enum Analyte
{
    Hemoglobin,
    TotalCalcium,
    CorrectedCalcium,
    IonizedCalcium,
    Albumin,
    DxaTScore,
    VitaminD25Hydroxy,
    Ferritin,
    ParathyroidHormone,
    CReactiveProtein,
    VitaminB12,
    Folate,
}

namespace Screening.Domain.Screening;

/// <summary>
/// Exclusions that apply to every rule (clinical-rules §9.1): deceased on or before as-of, hospice, opted-out,
/// age below the minimum. No birth date → <c>unknown-age</c> (the under-18 exclusion cannot be ruled out).
/// A death recorded after as-of and the minimum-age birthday are noted as change points on the chart.
/// </summary>
internal static class GlobalExclusions
{
    public static string? ReasonFor(Chart chart)
    {
        var patient = chart.Patient;
        if (patient.DeceasedDate is { } died)
        {
            if (died <= chart.AsOf) return OutcomeReasons.Deceased;
            chart.MayChangeOn(died);
        }
        if (patient.Hospice) return OutcomeReasons.Hospice;
        if (patient.OptedOut) return OutcomeReasons.OptedOut;
        if (patient.BirthDate is null) return OutcomeReasons.UnknownAge;
        if (!chart.AgeAtLeast(chart.Rules.Shared.MinimumAgeYears)) return OutcomeReasons.Under18;
        return null;
    }
}

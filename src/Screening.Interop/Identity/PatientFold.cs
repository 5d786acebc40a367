using Screening.Contracts;

namespace Screening.Interop.Identity;

/// <summary>
/// Two updates of one patient in arrival order: the later wins, but does not erase what the earlier said and the
/// later does not (null keeps). Identifiers accumulate. Used by the ingest and the file-mode screen alike.
/// </summary>
public static class PatientFold
{
    public static PatientUpdated Later(PatientUpdated? earlier, PatientUpdated later) => earlier is null ? later : later with
    {
        Sex = later.Sex ?? earlier.Sex,
        BirthDate = later.BirthDate ?? earlier.BirthDate,
        DeceasedDate = later.DeceasedDate ?? earlier.DeceasedDate,
        CareTeam = later.CareTeam ?? earlier.CareTeam,
        Hospice = later.Hospice ?? earlier.Hospice,
        OptedOut = later.OptedOut ?? earlier.OptedOut,
        Identifiers = (earlier.Identifiers ?? []).Concat(later.Identifiers ?? []).ToArray(),
        Demographics = Later(earlier.Demographics, later.Demographics),
    };

    private static PatientDemographics? Later(PatientDemographics? earlier, PatientDemographics? later) =>
        earlier is null ? later : later is null ? earlier : new PatientDemographics
        {
            Name = later.Name ?? earlier.Name,
            Phones = later.Phones ?? earlier.Phones,
            Address = later.Address ?? earlier.Address,
            Language = later.Language ?? earlier.Language,
            PcpId = later.PcpId ?? earlier.PcpId,
            PcpName = later.PcpName ?? earlier.PcpName,
            Location = later.Location ?? earlier.Location,
            ManagingOrganization = later.ManagingOrganization ?? earlier.ManagingOrganization,
            Payer = later.Payer ?? earlier.Payer,
        };
}

namespace Screening.Domain.Patients;

/// <summary>Age in completed years and birthdays (29 February births have their birthday on 28 February in common years).</summary>
public static class Ages
{
    public static DateOnly Birthday(DateOnly birthDate, int years) => birthDate.AddYears(years);

    public static int On(DateOnly birthDate, DateOnly date)
    {
        var age = date.Year - birthDate.Year;
        if (date < birthDate.AddYears(age)) age--;
        return age;
    }
}

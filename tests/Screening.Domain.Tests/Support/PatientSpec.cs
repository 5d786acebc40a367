using Screening.Domain.Patients;

namespace Screening.Domain.Tests.Support;

/// <summary>Who the patient is: sex and birth date (age is counted on <see cref="Clinic.Today"/> unless told).</summary>
public sealed record PatientSpec(Sex Sex, DateOnly? BirthDate);

public static class Woman
{
    public static PatientSpec Aged(int years) => new(Sex.Female, Clinic.Today.AddYears(-years));
    public static PatientSpec BornOn(string date) => new(Sex.Female, Clinic.Date(date));
}

public static class Man
{
    public static PatientSpec Aged(int years) => new(Sex.Male, Clinic.Today.AddYears(-years));
    public static PatientSpec BornOn(string date) => new(Sex.Male, Clinic.Date(date));
}

public static class Person
{
    public static PatientSpec OfUnknownSex(int years) => new(Sex.Unknown, Clinic.Today.AddYears(-years));
    public static PatientSpec OfOtherSex(int years) => new(Sex.Other, Clinic.Today.AddYears(-years));
    public static PatientSpec WithoutBirthDate() => new(Sex.Female, null);
}

using Screening.Contracts;

namespace Screening.App.Demo;

/// <summary>
/// Synthetic (made-up) identity and contact data for demo patients: two issuing systems whose medical record numbers
/// overlap on purpose (HOSP 100123 and CLINIC 100123 are different people), names from common US name lists,
/// fictitious 555-01xx phone numbers, and a primary care provider per team. Drawn from its own random stream, so the
/// clinical histories are the same with or without it.
/// </summary>
internal static class SyntheticIdentity
{
    public const string Hospital = "HOSP";
    public const string Clinic = "CLINIC";

    private static readonly string[] Family =
        ["Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller", "Davis", "Rodriguez", "Martinez", "Hernandez",
         "Lopez", "Gonzalez", "Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson", "Martin", "Lee", "Perez", "Thompson",
         "White", "Harris", "Sanchez", "Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen", "King", "Wright",
         "Scott", "Torres", "Nguyen", "Hill", "Flores", "Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell", "Mitchell"];
    private static readonly string[] Female =
        ["Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara", "Susan", "Jessica", "Sarah", "Karen", "Lisa", "Nancy",
         "Betty", "Margaret", "Sandra", "Ashley", "Dorothy", "Kimberly", "Emily", "Donna", "Michelle", "Carol", "Amanda", "Maria", "Rosa"];
    private static readonly string[] Male =
        ["James", "Robert", "John", "Michael", "David", "William", "Richard", "Joseph", "Thomas", "Charles", "Christopher", "Daniel",
         "Matthew", "Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua", "Kenneth", "Kevin", "Brian", "George", "Luis"];
    private static readonly string[] Streets = ["Maple Ave", "Oak St", "Washington Blvd", "Lakeview Dr", "Elm St", "Park Rd", "Cedar Ln", "Main St"];

    /// <summary>Two primary care providers per team (fictitious 10-digit NPI-shaped ids, names made up).</summary>
    public static readonly IReadOnlyDictionary<string, (string Npi, string Name)[]> Providers = new Dictionary<string, (string, string)[]>
    {
        ["north"] = [("1902812345", "Okafor, Grace"), ("1548312309", "Lindqvist, Erik")],
        ["south"] = [("1093847561", "Delgado, Ana"), ("1265738492", "Whitfield, Samuel")],
        ["east"] = [("1730498251", "Chen, Mei"), ("1841203967", "Abernathy, Paul")],
        ["west"] = [("1357924680", "Haddad, Layla"), ("1468035791", "Novak, Tomas")],
    };

    /// <summary>The issuing system and MRN of patient <paramref name="index"/>: even indexes HOSP, odd CLINIC, numbers overlapping.</summary>
    public static (string System, string Mrn) Mrn(int index) => (index % 2 == 0 ? Hospital : Clinic, (100_000 + index / 2).ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static PatientDemographics Demographics(int seed, int index, string sex, string team)
    {
        var random = new Random(unchecked(seed * 7_919 + index * 31 + 17));
        var given = sex == "male" ? Male[random.Next(Male.Length)] : Female[random.Next(Female.Length)];
        var pcp = Providers[team][random.Next(2)];
        return new PatientDemographics
        {
            Name = new PersonName { Family = Family[random.Next(Family.Length)], Given = [given] },
            Phones = [$"(555) 01{random.Next(0, 100):00}-{random.Next(1000, 10000)}"],
            Address = [$"{random.Next(10, 9999)} {Streets[random.Next(Streets.Length)]}", "Springfield, IL 627" + random.Next(0, 100).ToString("00", System.Globalization.CultureInfo.InvariantCulture)],
            Language = random.NextDouble() < 0.12 ? "es" : "en",
            PcpId = pcp.Npi,
            PcpName = pcp.Name,
            Location = $"{team}-primary-care",
        };
    }
}

using System.Text.Json;

namespace Screening.App.Demo;

/// <summary>seeds/demo-population.json: the demo population's seed, size and anchor date.</summary>
public sealed record DemoSettings(int Seed, int Patients, int PatientsPerMessage, int ResultsPerPatient, DateOnly AnchorDate)
{
    public static DemoSettings Load(string path) =>
        JsonSerializer.Deserialize<DemoSettings>(File.ReadAllText(path), new JsonSerializerOptions(JsonSerializerDefaults.Web))
        ?? throw new InvalidDataException($"{path} is empty");
}

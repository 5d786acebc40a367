using System.Globalization;

namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// Raw JSON <c>LabResultReported</c> bodies as a plain AMQP producer sends them: distinct identities, five results per
/// patient, and every <c>criticalEvery</c>th result a critical hemoglobin (which opens an urgent task at ingest
/// and puts a <c>critical</c> event in the outbox), so each scenario also checks tasks and events.
/// </summary>
public sealed class ResultFeed(string prefix, int count, int criticalEvery = 50)
{
    public const int ResultsPerPatient = 5;

    public string Prefix { get; } = prefix;
    public int Count { get; } = count;

    /// <summary>Patients who got at least one critical result (each has exactly one open critical-value task).</summary>
    public int CriticalPatients => Enumerable.Range(0, Count).Where(IsCritical).Select(i => i / ResultsPerPatient).Distinct().Count();

    public bool IsCritical(int i) => i % criticalEvery == criticalEvery - 1;

    public IReadOnlyList<string> Bodies() => Enumerable.Range(0, Count).Select(Body).ToList();

    public string Body(int i)
    {
        var value = IsCritical(i) ? 6.1m : 12.0m + i % 30 / 10m;
        var day = new DateOnly(2025, 1, 1).AddDays(i % ResultsPerPatient * 40);
        return $$"""{"sourceSystem":"fault-lab","resultId":"{{Prefix}}-{{i}}","patientId":"{{Prefix}}-P{{i / ResultsPerPatient}}","loinc":"718-7","value":{{value.ToString(CultureInfo.InvariantCulture)}},"unit":"g/dL","collectedAt":"{{day:yyyy-MM-dd}}T09:00:00-05:00","status":"final"}""";
    }
}

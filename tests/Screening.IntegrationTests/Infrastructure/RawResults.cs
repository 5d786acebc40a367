namespace Screening.IntegrationTests.Infrastructure;

/// <summary>Raw JSON results as an interface engine sends them (one line, camelCase, no envelope).</summary>
public static class RawResults
{
    /// <summary>A valid hemoglobin result <c>{prefix}-{n}</c> of source <paramref name="source"/>, spread over a few patients and days.</summary>
    public static string Hb(string source, string prefix, int n, int patients = 5) =>
        $$"""{"sourceSystem":"{{source}}","resultId":"{{prefix}}-{{n}}","patientId":"P-{{prefix}}-{{n % patients}}","loinc":"718-7","value":12.{{n % 10}},"unit":"g/dL","collectedAt":"2025-0{{1 + n % 9}}-03T09:00:00-05:00","status":"final"}""";
}

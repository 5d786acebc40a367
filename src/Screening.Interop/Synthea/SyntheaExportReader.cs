using Screening.Interop.Csv;
using Screening.Domain.Codes;

namespace Screening.Interop.Synthea;

/// <summary>
/// A Synthea CSV export directory: patients.csv (required), encounters.csv (optional: encounter class of each
/// observation), observations.csv, procedures.csv, conditions.csv. Streams every file in batches of
/// <paramref name="batchSize"/> units; only the encounter-id → class map is held in memory. Patient ids are the
/// patients.csv <c>Id</c>; results have SourceSystem "synthea" and deterministic ids, so re-import is idempotent.
/// </summary>
public static class SyntheaExportReader
{
    public static bool IsExport(string directory) => File.Exists(Path.Combine(directory, "patients.csv"));

    public static IEnumerable<ReadOutcome> ReadBatches(string directory, int batchSize = 1000)
    {
        var encounters = Encounters(Path.Combine(directory, "encounters.csv"));
        foreach (var batch in File("patients.csv", ["Id"], (rows, output) => SyntheaRows.Patient(rows, output))) yield return batch;
        var keys = new SyntheaObservationKeys();
        foreach (var batch in File("observations.csv", ["PATIENT", "CODE", "VALUE", "DATE"],
                     (rows, output) => SyntheaRows.Observation(rows, output, keys, encounters))) yield return batch;
        string? dateColumn = null;
        foreach (var batch in File("procedures.csv", ["PATIENT", "CODE"],
                     (rows, output) => SyntheaRows.Procedure(rows, output, dateColumn ??= rows.Pick("START", "DATE")))) yield return batch;
        foreach (var batch in File("conditions.csv", ["PATIENT", "CODE", "START"], (rows, output) => SyntheaRows.Condition(rows, output))) yield return batch;

        IEnumerable<ReadOutcome> File(string name, string[] required, Action<CsvRows, ReadOutcomeBuilder> readRow)
            => ReadCsv(Path.Combine(directory, name), name, required, batchSize, readRow);
    }

    private static IEnumerable<ReadOutcome> ReadCsv(string path, string name, string[] required, int batchSize, Action<CsvRows, ReadOutcomeBuilder> readRow)
    {
        if (!System.IO.File.Exists(path)) yield break;
        using var text = LineBatches.Open(path);
        using var rows = new CsvRows(text, name);
        var missing = rows.Missing(required).ToList();
        if (rows.Failure is not null || missing.Count > 0)
        {
            yield return ReadOutcome.Rejected(RejectReasons.MissingField,
                rows.Failure ?? $"{name} header lacks {string.Join(", ", missing)}", $"{name}: line 1", "");
            yield break;
        }
        var output = new ReadOutcomeBuilder();
        while (rows.Next())
        {
            readRow(rows, output);
            if (output.Count < batchSize) continue;
            yield return output.Build();
            output.Clear();
        }
        if (rows.Failure is { } failure) output.Reject(RejectReasons.Unparseable, failure, $"{name}: line {rows.Line}", "");
        if (output.Count > 0) yield return output.Build();
    }

    private static Dictionary<string, string> Encounters(string path)
    {
        var classes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return classes;
        using var text = LineBatches.Open(path);
        using var rows = new CsvRows(text);
        if (!rows.Has("Id") || !rows.Has("ENCOUNTERCLASS")) return classes;
        while (rows.Next())
            if (rows["Id"].Length > 0) classes[rows["Id"]] = SyntheaRows.EncounterClass(rows["ENCOUNTERCLASS"]);
        return classes;
    }
}

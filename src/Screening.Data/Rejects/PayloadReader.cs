using System.Text;
using Screening.Interop;
using Screening.Interop.Csv;
using Screening.Interop.Fhir;
using Screening.Interop.Hl7v2;
using Screening.Interop.Mapping;
using Screening.Interop.Ndjson;
using Screening.Interop.Synthea;

namespace Screening.Data.Rejects;

/// <summary>
/// Reads a queue body or a stored reject payload with the reader of its format. Never throws on input: a body that is
/// not text, is empty, or makes a reader fail becomes one <c>unparseable</c> reject carrying the raw payload.
/// </summary>
public static class PayloadReader
{
    /// <summary>A message body from <c>screening.hl7v2</c> (one message, MLLP stream, FHS/BHS batch) or <c>screening.fhir</c>
    /// (a resource, a Bundle, or FHIR NDJSON).</summary>
    public static ReadOutcome ReadBody(string format, ReadOnlySpan<byte> body, LocalCodeMap codes)
    {
        var text = PayloadText.AsText(body);
        if (text is null)
            return ReadOutcome.Rejected(RejectReasons.Unparseable, $"body is not UTF-8 text ({body.Length} bytes; stored as base64)", "body",
                PayloadText.Store(body));
        return Read(format, text, "", codes);
    }

    /// <summary>A stored reject payload (replay): <paramref name="location"/> tells a Synthea row which file it came from.</summary>
    public static ReadOutcome ReadStored(string format, string payload, string location, LocalCodeMap codes)
    {
        if (payload.StartsWith(PayloadText.Base64Prefix, StringComparison.Ordinal)) return ReadBody(format, PayloadText.Bytes(payload), codes);
        // Rows stored before validation rejects were filed as json: a JSON object under hl7v2 is a validated result.
        if (format == FeedFormats.Hl7v2 && payload.TrimStart().StartsWith('{')) format = FeedFormats.Json;
        return Read(format, payload, location, codes);
    }

    private static ReadOutcome Read(string format, string text, string location, LocalCodeMap codes)
    {
        if (string.IsNullOrWhiteSpace(text)) return ReadOutcome.Rejected(RejectReasons.Unparseable, "empty payload", "body", text);
        ReadOutcome outcome;
        try
        {
            outcome = format switch
            {
                FeedFormats.Hl7v2 => Hl7v2Reader.Read(text, codes),
                FeedFormats.Fhir => IsNdjson(text) ? Merge(FhirNdjsonReader.ReadBatches(new StringReader(text), codes, new PatientAliases(), int.MaxValue))
                                                   : FhirReader.Read(Encoding.UTF8.GetBytes(text), codes),
                FeedFormats.Ndjson => Merge(CanonicalNdjsonReader.ReadBatches(new StringReader(text), codes, int.MaxValue)),
                FeedFormats.Csv => Merge(ResultsCsvReader.ReadBatches(new StringReader(text), int.MaxValue)),
                FeedFormats.Synthea => SyntheaRow(text, location),
                _ => CanonicalNdjsonReader.ReadObject(text, codes, defaultType: "labResult"),
            };
        }
        catch (Exception e)
        {
            return ReadOutcome.Rejected(RejectReasons.Unparseable, $"the {format} reader failed ({e.GetType().Name})", "body", text);
        }
        if (outcome.Patients.Count + outcome.Results.Count + outcome.Conditions.Count + outcome.Procedures.Count + outcome.Rejects.Count + outcome.Merges.Count + outcome.Ignored == 0)
            return ReadOutcome.Rejected(RejectReasons.Unparseable, $"no {format} content found", "body", text);
        return outcome;
    }

    /// <summary>FHIR NDJSON: more than one line and the first line alone is a whole JSON object.</summary>
    public static bool IsNdjson(string text)
    {
        var trimmed = text.AsSpan().Trim();
        var newline = trimmed.IndexOfAny('\r', '\n');
        if (newline < 0) return false;
        var first = trimmed[..newline].Trim();
        return first.Length > 1 && first[0] == '{' && first[^1] == '}' && !trimmed[newline..].Trim().IsEmpty;
    }

    private static ReadOutcome Merge(IEnumerable<ReadOutcome> batches)
    {
        var all = batches.ToList();
        if (all.Count == 1) return all[0];
        return new ReadOutcome
        {
            Patients = all.SelectMany(b => b.Patients).ToList(),
            Results = all.SelectMany(b => b.Results).ToList(),
            Conditions = all.SelectMany(b => b.Conditions).ToList(),
            Procedures = all.SelectMany(b => b.Procedures).ToList(),
            Rejects = all.SelectMany(b => b.Rejects).ToList(),
            Merges = all.SelectMany(b => b.Merges).ToList(),
            Ignored = all.Sum(b => b.Ignored),
        };
    }

    /// <summary>
    /// A Synthea row is stored as its file's header line + the row (location "observations.csv: line 9: CODE"): it is
    /// re-read as a one-row export (encounter class, if any, is not known then: outpatient).
    /// </summary>
    private static ReadOutcome SyntheaRow(string payload, string location)
    {
        var file = location.Split(':', 2)[0].Trim();
        if (file is not ("patients.csv" or "observations.csv" or "procedures.csv" or "conditions.csv"))
            return ReadOutcome.Rejected(RejectReasons.Unparseable, $"Synthea reject location '{location}' names no export file", "location", payload);
        var directory = Directory.CreateTempSubdirectory("screening-replay-");
        try
        {
            File.WriteAllText(Path.Combine(directory.FullName, file), payload);
            if (file != "patients.csv") File.WriteAllText(Path.Combine(directory.FullName, "patients.csv"), "Id\n");
            return Merge(SyntheaExportReader.ReadBatches(directory.FullName, int.MaxValue));
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }
}

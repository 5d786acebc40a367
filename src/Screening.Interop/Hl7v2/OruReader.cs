using Screening.Domain.Results;
using Screening.Contracts;
using Screening.Interop.Mapping;

namespace Screening.Interop.Hl7v2;

/// <summary>
/// ORU^R01 → patients and results. Walks PID / PV1 / OBR / OBX / SPM in order; each OBR's observations are emitted
/// once its group ends, so a trailing SPM-17 can supply the collection time. Numeric OBX (NM, SN) become results;
/// other value types are counted as ignored.
/// </summary>
internal sealed class OruReader(Hl7Message message, LocalCodeMap codes, ReadOutcomeBuilder output)
{
    private readonly string source = message.SendingSource;
    private readonly List<(Hl7Segment Obx, int Ordinal)> observations = [];
    private readonly List<Hl7Segment> specimens = [];
    private Hl7Segment? pid;
    private Hl7Segment? pv1;
    private Hl7Segment? obr;
    private readonly List<Hl7Segment> patientGroup = [];
    private int patientIndex = -1;

    public void Read()
    {
        if (source.Length == 0)
        {
            output.Rejects.Add(message.Reject(RejectReasons.MissingField, "MSH-4 sending facility and MSH-3 sending application are empty", "MSH-4"));
            return;
        }
        var ordinal = 0;
        foreach (var segment in message.Segments)
        {
            switch (segment.Name)
            {
                case "PID":
                    Flush();
                    pid = segment;
                    pv1 = null;
                    patientGroup.Clear();
                    patientIndex = -1;
                    if (Hl7Patient.PatientId(segment).Length > 0)
                    {
                        output.Patients.Add(Hl7Patient.ToPatient(segment, source));
                        patientIndex = output.Patients.Count - 1;
                    }
                    break;
                case "PV1": pv1 = segment; Group(segment); break;
                case "PD1" or "IN1": Group(segment); break;
                case "OBR": Flush(); obr = segment; break;
                case "OBX": observations.Add((segment, ++ordinal)); break;
                case "SPM": specimens.Add(segment); break;
            }
        }
        Flush();
    }

    /// <summary>PD1 / PV1 / IN1 of the current patient group: PCP, location and payer for its demographics.</summary>
    private void Group(Hl7Segment segment)
    {
        if (pid is null || patientIndex < 0) return;
        patientGroup.Add(segment);
        output.Patients[patientIndex] = Hl7Patient.WithGroup(output.Patients[patientIndex], pid, patientGroup);
    }

    private void Flush()
    {
        foreach (var (obx, ordinal) in observations) Observation(obx, ordinal);
        observations.Clear();
        specimens.Clear();
    }

    private void Observation(Hl7Segment obx, int ordinal)
    {
        var at = $"OBX[{ordinal}]";
        var valueType = obx.Value(2);
        if (valueType is not ("NM" or "SN" or ""))
        {
            output.Ignored++;
            return;
        }
        if (valueType.Length == 0 && obx.Field(5).Length == 0 && obx.Field(3).Length == 0)
        {
            output.Ignored++;
            return;
        }
        var patient = pid is null ? null : Hl7Patient.Primary(pid);
        var patientId = patient?.Value ?? "";
        if (patientId.Length == 0)
        {
            Reject(RejectReasons.UnknownPatientId, "no PID-3 patient identifier for this observation", pid is null ? $"{at} (no PID)" : "PID-3");
            return;
        }
        var code = obx.Value(3, 1);
        if (code.Length == 0)
        {
            Reject(RejectReasons.MissingField, "observation identifier is empty", $"{at}-3");
            return;
        }
        if (!TryLoinc(obx, code, at, out var loinc, out var unitOverride)) return;
        var status = Hl7ResultStatus.ToContractStatus(obx.Value(11));
        if (status is null)
        {
            Reject(RejectReasons.InvalidStatus, obx.Value(11).Length == 0 ? "result status is empty" : $"result status '{obx.Value(11)}' is not in HL7 table 0085", $"{at}-11");
            return;
        }
        if (!TryCollectionTime(obx, at, out var collectedAt)) return;
        var (low, high) = Hl7Numbers.Range(obx.Value(7));
        output.Results.Add(new LabResultReported
        {
            SourceSystem = source,
            ResultId = $"{OrderNumber()}|{code}|{obx.Value(4)}",
            PatientId = patientId,
            PatientSystem = patient!.System,
            Loinc = loinc,
            Value = NumericValue(obx, valueType),
            Unit = unitOverride ?? UnitSpelling.Normalize(obx.Value(6, 1)),
            CollectedAt = collectedAt,
            Status = status,
            EncounterClass = Hl7Patient.EncounterClass(pv1),
            ReferenceLow = low,
            ReferenceHigh = high,
        });
    }

    private bool TryLoinc(Hl7Segment obx, string code, string at, out string loinc, out string? unitOverride)
    {
        unitOverride = null;
        loinc = obx.Value(3, 3) == "LN" ? code : obx.Value(3, 6) == "LN" ? obx.Value(3, 4) : "";
        if (loinc.Length > 0)
        {
            if (LoincCode.HasValidCheckDigit(loinc)) return true;
            Reject(RejectReasons.UnmappedCode, $"'{loinc}' is not a well-formed LOINC code", $"{at}-3");
            return false;
        }
        var mapping = codes.Find(source, code);
        if (mapping is null)
        {
            Reject(RejectReasons.UnmappedCode, $"local code '{code}' of source '{source}' has no LOINC mapping", $"{at}-3");
            return false;
        }
        loinc = mapping.Loinc;
        unitOverride = UnitSpelling.Normalize(mapping.UnitOverride);
        return true;
    }

    private bool TryCollectionTime(Hl7Segment obx, string at, out DateTimeOffset? collectedAt)
    {
        var (value, problem, where) = Hl7CollectionTime.Find(obx, at, obr, specimens);
        collectedAt = value;
        if (problem is null) return true;
        Reject(RejectReasons.MissingCollectionTime, problem, where);
        return false;
    }

    /// <summary>NM value, or an SN value with no comparator ("^10.5", "=^10.5"); null for "&lt;^5", ranges, ratios, repeats.</summary>
    private static decimal? NumericValue(Hl7Segment obx, string valueType)
    {
        if (obx.Repeats(5)) return null;
        if (valueType != "SN") return Hl7Numbers.Parse(obx.Value(5));
        var comparator = obx.Value(5, 1);
        if (comparator is not ("" or "=") || obx.Value(5, 3).Length > 0 || obx.Value(5, 4).Length > 0) return null;
        return Hl7Numbers.Parse(obx.Value(5, 2));
    }

    /// <summary>Filler order number (OBR-3), else placer (OBR-2), else the message control id.</summary>
    private string OrderNumber()
    {
        if (obr?.Value(3) is { Length: > 0 } filler) return filler;
        if (obr?.Value(2) is { Length: > 0 } placer) return placer;
        return message.ControlId;
    }

    private void Reject(string reason, string detail, string location) => output.Rejects.Add(message.Reject(reason, detail, location));
}

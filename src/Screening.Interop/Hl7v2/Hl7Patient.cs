using Screening.Contracts;

namespace Screening.Interop.Hl7v2;

/// <summary>
/// PID (+ PD1, PV1, IN1) → <see cref="PatientUpdated"/>. Identity: every PID-3 repetition (CX.1 id, CX.4 assigning
/// authority — namespace id, else universal id —, CX.5 type); the first repetition with an id is the one results refer
/// to; a repetition without CX.4 is a bare id (the feed's default system). Demographics: PID-5 name, PID-7 birth,
/// PID-8 sex, PID-11 address, PID-13/14 phones, PID-15 language, PID-29 death; PD1-4 primary care provider (else
/// PV1-7 attending), PV1-3 point of care, IN1-4/IN1-3 payer.
/// </summary>
internal static class Hl7Patient
{
    /// <summary>The identifiers of PID-3 in order (empty CX.1 skipped).</summary>
    public static IReadOnlyList<PatientIdentifierReported> Identifiers(Hl7Segment pid) => Identifiers(pid, 3);

    /// <summary>The CX repetitions of a field (PID-3, MRG-1), empty CX.1 skipped.</summary>
    public static IReadOnlyList<PatientIdentifierReported> Identifiers(Hl7Segment segment, int field)
    {
        var list = new List<PatientIdentifierReported>();
        for (var r = 0; r < segment.RepetitionCount(field); r++)
        {
            var value = segment.Value(field, 1, r);
            if (value.Length == 0) continue;
            var authority = segment.Sub(field, 4, 1, r) is { Length: > 0 } ns ? ns : segment.Sub(field, 4, 2, r);
            list.Add(new PatientIdentifierReported
            {
                Value = value,
                System = authority.Length > 0 ? authority : null,
                Type = segment.Value(field, 5, r) is { Length: > 0 } type ? type : null,
            });
        }
        return list;
    }

    /// <summary>The identifier results refer to: the first PID-3 repetition with an id (null when none).</summary>
    public static PatientIdentifierReported? Primary(Hl7Segment pid) => Identifiers(pid) is { Count: > 0 } ids ? ids[0] : null;

    public static string PatientId(Hl7Segment pid) => Primary(pid)?.Value ?? "";

    public static PatientUpdated ToPatient(Hl7Segment pid, string sourceSystem, IReadOnlyList<Hl7Segment>? around = null)
    {
        var ids = Identifiers(pid);
        var primary = ids[0];
        return new PatientUpdated
        {
            SourceSystem = sourceSystem,
            PatientId = primary.Value,
            PatientSystem = primary.System,
            PatientIdType = primary.Type,
            Identifiers = ids.Skip(1).ToArray(),
            Sex = pid.Value(8) switch
            {
                "F" => "female",
                "M" => "male",
                "O" or "A" => "other",
                "" => null,
                _ => "unknown",
            },
            BirthDate = Hl7DateTime.ParseDate(pid.Value(7)),
            DeceasedDate = Hl7DateTime.ParseDate(pid.Value(29)),
            Demographics = Demographics(pid, around ?? []),
        };
    }

    /// <summary>The patient with what PD1 / PV1 / IN1 segments of its group add (PCP, location, payer).</summary>
    public static PatientUpdated WithGroup(PatientUpdated patient, Hl7Segment pid, IReadOnlyList<Hl7Segment> around) =>
        patient with { Demographics = Demographics(pid, around) };

    private static PatientDemographics? Demographics(Hl7Segment pid, IReadOnlyList<Hl7Segment> around)
    {
        var pd1 = around.FirstOrDefault(s => s.Name == "PD1");
        var pv1 = around.FirstOrDefault(s => s.Name == "PV1");
        var in1 = around.FirstOrDefault(s => s.Name == "IN1");
        var given = new[] { pid.Value(5, 2), pid.Value(5, 3) }.Where(g => g.Length > 0).ToArray();
        var phones = new[] { Phone(pid, 13), Phone(pid, 14) }.Where(p => p is not null).Select(p => p!).ToArray();
        var street = pid.Sub(11, 1, 1);
        var cityLine = string.Join(' ', new[] { pid.Value(11, 3) + (pid.Value(11, 4).Length > 0 ? "," : ""), pid.Value(11, 4), pid.Value(11, 5) }
            .Where(p => p.Length > 0 && p != ",")).Trim();
        var address = new[] { street, pid.Value(11, 2), cityLine }.Where(l => l.Length > 0).ToArray();
        var (pcpId, pcpName) = Provider(pd1, 4) is { } pd1Pcp ? pd1Pcp : Provider(pv1, 7) ?? (null, null);
        var demographics = new PatientDemographics
        {
            Name = pid.Value(5, 1).Length > 0 || given.Length > 0 ? new PersonName { Family = NonEmpty(pid.Value(5, 1)), Given = given } : null,
            Phones = phones.Length > 0 ? phones : null,
            Address = address.Length > 0 ? address : null,
            Language = NonEmpty(pid.Value(15, 1)) ?? NonEmpty(pid.Value(15, 2)),
            PcpId = pcpId,
            PcpName = pcpName,
            Location = pv1 is null ? null : NonEmpty(pv1.Value(3, 1)),
            Payer = in1 is null ? null : NonEmpty(in1.Value(4, 1)) ?? NonEmpty(in1.Value(3, 1)),
        };
        return demographics == new PatientDemographics() ? null : demographics;
    }

    /// <summary>XCN: id (component 1) and "Family, Given" (components 2, 3).</summary>
    private static (string? Id, string? Name)? Provider(Hl7Segment? segment, int field)
    {
        if (segment is null) return null;
        var id = NonEmpty(segment.Value(field, 1));
        var family = segment.Value(field, 2);
        var given = segment.Value(field, 3);
        var name = NonEmpty(family.Length > 0 && given.Length > 0 ? $"{family}, {given}" : family + given);
        return id is null && name is null ? null : (id, name);
    }

    /// <summary>XTN: component 1 as written, else (area code) local number from components 6 and 7.</summary>
    private static string? Phone(Hl7Segment pid, int field)
    {
        if (NonEmpty(pid.Value(field, 1)) is { } formatted) return formatted;
        var area = pid.Value(field, 6);
        var local = pid.Value(field, 7);
        if (local.Length == 0) return null;
        return area.Length > 0 ? $"({area}) {local}" : local;
    }

    private static string? NonEmpty(string text) => text.Length == 0 ? null : text;

    /// <summary>PV1-2 patient class: I inpatient, E emergency, anything else (O, R, blank) outpatient.</summary>
    public static string EncounterClass(Hl7Segment? pv1) => pv1?.Value(2) switch
    {
        "I" => "inpatient",
        "E" => "emergency",
        _ => "outpatient",
    };
}

using System.Globalization;
using System.Text.Json;
using Screening.Data;
using Screening.Data.Patients;
using Spectre.Console;

namespace Screening.App.Cli;

/// <summary>Patients as a table or JSON (field names: patientKey, identifiers [{system, value, type}], name {family, given}, birthDate, sex, phones, careTeam, attribution).</summary>
public static class PatientView
{
    private static readonly JsonSerializerOptions Json = new(JsonDefaults.Options) { WriteIndented = true };

    public static object CardJson(PatientCard c, DateOnly today) => new
    {
        patientKey = c.PatientKey,
        name = new { family = c.Family, given = c.Given },
        birthDate = c.BirthDate,
        age = c.AgeOn(today),
        sex = c.Sex,
        mrn = c.Mrn is null ? null : new { system = c.MrnSystem, value = c.Mrn },
        phone = c.Phone,
        careTeam = c.CareTeam,
        pcp = c.PcpName,
    };

    public static void WriteCards(IReadOnlyList<PatientCard> cards, OutputFormat format, DateOnly today, TextWriter output)
    {
        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(cards.Select(c => CardJson(c, today)), Json));
            return;
        }
        var table = new Table().AddColumns("patient", "name", "birth date", "age", "sex", "MRN", "phone", "team", "PCP");
        foreach (var c in cards)
            table.AddRow(c.PatientKey.ToString(CultureInfo.InvariantCulture), Markup.Escape(c.DisplayName ?? ""), c.BirthDate?.ToString("yyyy-MM-dd") ?? "",
                c.AgeOn(today)?.ToString(CultureInfo.InvariantCulture) ?? "", c.Sex, Markup.Escape(c.Mrn is null ? "" : $"{c.Mrn} ({c.MrnSystem})"),
                Markup.Escape(c.Phone ?? ""), Markup.Escape(c.CareTeam), Markup.Escape(c.PcpName ?? ""));
        AnsiConsole.Write(table);
        AnsiConsole.MarkupLine($"[grey]{cards.Count} patient(s)[/]");
    }

    public static object DetailJson(PatientDetail d) => new
    {
        patientKey = d.PatientKey,
        identifiers = d.Identifiers.Select(i => new { system = i.System, value = i.Value, type = i.Type }),
        name = new { family = d.Family, given = d.Given },
        birthDate = d.BirthDate,
        sex = d.Sex,
        deceasedDate = d.DeceasedDate,
        phones = d.Phones,
        address = d.Address,
        language = d.Language,
        careTeam = d.CareTeam,
        attribution = new
        {
            // The rule that put the patient on its team is branch i14b's (attribution); these are the inputs it reads.
            reason = (string?)null,
            pcp = new { id = d.PcpId, name = d.PcpName },
            location = d.Location,
            managingOrganization = d.ManagingOrganization,
            payer = d.Payer,
        },
        mergedInto = d.MergedInto,
    };

    public static void WriteDetail(PatientDetail d, OutputFormat format, TextWriter output)
    {
        if (format == OutputFormat.Json)
        {
            output.WriteLine(JsonSerializer.Serialize(DetailJson(d), Json));
            return;
        }
        var grid = new Grid().AddColumn().AddColumn();
        void Row(string label, string? value) => grid.AddRow(new Text(label), new Text(value ?? ""));
        Row("patient", d.PatientKey.ToString(CultureInfo.InvariantCulture));
        foreach (var i in d.Identifiers) Row("identifier", $"{i.System} | {i.Value}{(i.Type is null ? "" : $" ({i.Type})")}");
        Row("name", d.Family is null && d.Given.Count == 0 ? null : $"{d.Family}, {string.Join(' ', d.Given)}");
        Row("birth date", d.BirthDate?.ToString("yyyy-MM-dd"));
        Row("sex", d.Sex);
        if (d.DeceasedDate is { } dead) Row("deceased", dead.ToString("yyyy-MM-dd"));
        Row("phones", string.Join(", ", d.Phones));
        Row("address", string.Join(" / ", d.Address));
        Row("language", d.Language);
        Row("care team", d.CareTeam);
        Row("PCP", d.PcpId is null && d.PcpName is null ? null : $"{d.PcpName} ({d.PcpId})");
        Row("location", d.Location);
        Row("organization", d.ManagingOrganization);
        Row("payer", d.Payer);
        if (d.MergedInto is { } survivor) Row("merged into", survivor.ToString(CultureInfo.InvariantCulture));
        AnsiConsole.Write(grid);
    }
}

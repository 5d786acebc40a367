using System.Text;
using static Screening.App.Web.Shared.Html;
using Screening.Data.Outreach;
using Screening.Domain.Codes;
using Screening.Domain.Rules;

namespace Screening.App.Web.Patients;

/// <summary>The patient page: who (sex, age, team), why they are here (charts, DXA history), and each task to work.</summary>
public static class PatientPage
{
    public static string Render(HttpContext ctx, PatientRecordView view, IReadOnlyList<string> teams, DateOnly today, RuleSet rules)
    {
        var p = view.Patient;
        var findings = view.Tasks.ToDictionary(t => t.Id, t => FindingStorage.Read(t.Finding));
        var sb = new StringBuilder($"<h1>Patient {p.PatientKey}</h1>");
        if (ctx.Request.Query["done"].ToString() is { Length: > 0 } done) sb.Append($"<p class=\"flash\" id=\"flash\">{E(done)}</p>");
        if (ctx.Request.Query["error"].ToString() is { Length: > 0 } error) sb.Append($"<p class=\"error\" id=\"error\">{E(error)}</p>");
        sb.Append("<section class=\"card facts\">");
        sb.Append($"<div><span>Source id</span>{E(p.ExternalId)} <span class=\"muted\">({E(p.SourceSystem)})</span></div>");
        sb.Append($"<div><span>Sex</span>{E(p.Sex)}</div><div><span>Age</span>{(view.Age is { } age ? E(age) : "unknown")}</div>");
        sb.Append($"<div><span>Care team</span>{E(p.CareTeam)}</div>");
        var flags = new List<string>();
        if (p.DeceasedDate is not null) flags.Add("deceased");
        if (p.Hospice) flags.Add("hospice");
        if (p.OptedOut) flags.Add("opted out");
        if (flags.Count > 0) sb.Append($"<div><span>Flags</span>{E(string.Join(", ", flags))}</div>");
        sb.Append("</section>");

        var open = view.Tasks.Where(t => TaskStatuses.IsOpen(t.Status)).ToList();
        sb.Append($"<p>{open.Count} open task(s): ").AppendJoin(" · ", open.Select(t => $"<a href=\"#task-{t.Id}\">{E(t.RuleId)}</a>")).Append("</p>");
        sb.Append(EvidenceCharts.Render(view, findings, rules));
        foreach (var task in view.Tasks)
            sb.Append(TaskCard.Render(ctx, task, findings[task.Id], view.Events.Where(e => e.TaskId == task.Id), teams, today, rules));
        return sb.ToString();
    }
}

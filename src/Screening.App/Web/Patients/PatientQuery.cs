using Microsoft.EntityFrameworkCore;
using Screening.App.Web.Auth;
using Screening.Data.Platform;
using Screening.Data.Model;
using Screening.Domain.Patients;

namespace Screening.App.Web.Patients;

/// <summary>
/// Loads a patient for a user. A care-team member sees a patient whose care team is theirs or who has a task assigned
/// to one of their teams, and only those tasks; anything else is "not found" (null), never someone else's data.
/// </summary>
public sealed class PatientQuery(IDbContextFactory<ScreeningDb> contexts)
{
    public async Task<PatientRecordView?> LoadAsync(long patientKey, WebUser user, DateOnly today, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var patient = await db.Patients.AsNoTracking().SingleOrDefaultAsync(p => p.PatientKey == patientKey, ct);
        if (patient is null) return null;
        var teams = user.TeamFilter;
        var tasks = await db.OutreachTasks.AsNoTracking()
            .Where(t => t.PatientKey == patientKey && (teams == null || teams.Contains(t.CareTeam)))
            .OrderBy(t => t.ClosedAt != null).ThenByDescending(t => t.OpenedAt).ToListAsync(ct);
        if (!user.CanSee(patient.CareTeam) && tasks.Count == 0) return null;

        var taskIds = tasks.Select(t => t.Id).ToArray();
        var events = await db.OutreachTaskEvents.AsNoTracking().Where(e => taskIds.Contains(e.TaskId)).OrderBy(e => e.Id).ToListAsync(ct);
        var results = await db.LabResults.AsNoTracking()
            .Where(r => r.PatientKey == patientKey && r.IsCurrent && PatientRecordView.ChartAnalytes.Contains(r.Analyte))
            .OrderBy(r => r.CollectedOn).ToListAsync(ct);
        var procedures = await db.Procedures.AsNoTracking().Where(p => p.PatientKey == patientKey).OrderBy(p => p.PerformedOn).ToListAsync(ct);
        int? age = patient.BirthDate is { } born ? Ages.On(born, today) : null;
        return new PatientRecordView(patient, age, tasks, events, results, procedures);
    }

    /// <summary>A task the user may act on (its team is theirs), or null.</summary>
    public async Task<OutreachTask?> FindTaskAsync(long taskId, WebUser user, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var task = await db.OutreachTasks.AsNoTracking().SingleOrDefaultAsync(t => t.Id == taskId, ct);
        return task is not null && user.CanSee(task.CareTeam) ? task : null;
    }
}

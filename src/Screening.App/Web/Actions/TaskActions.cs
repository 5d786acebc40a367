using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using Screening.App.Web.Auth;
using Screening.Data.Platform;
using Screening.Data.Attribution;
using Screening.Data.Model;
using Screening.Data.Outreach;
using Screening.Domain.Codes;

namespace Screening.App.Web.Actions;

/// <summary>
/// Applies a worklist action in one transaction: the task row (optimistic concurrency on xmin), an outreach_task_event
/// (started / completed / dismissed / snoozed / reassigned / note) and an audit_event. A reassignment names an existing, active
/// team (else 400) and is announced (OutreachTaskReassigned). Completing or dismissing closes
/// the task through <see cref="TaskStore.CloseAsync"/>, which adds the 'closed' event announced as OutreachTaskClosed.
/// </summary>
public sealed class TaskActions(IDbContextFactory<ScreeningDb> contexts, WebOptions options, ScreeningClock clock)
{
    public async Task<TaskActionResult> ApplyAsync(long taskId, WebUser user, TaskActionRequest request, CancellationToken ct)
    {
        var today = clock.Today;
        if (request.Problem(today, options.MaxSnoozeDays) is { } problem) return TaskActionResult.Invalid(problem);

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var task = await db.OutreachTasks.SingleOrDefaultAsync(t => t.Id == taskId, ct);
        if (task is null || !user.CanSee(task.CareTeam)) return TaskActionResult.NotFound();
        var changesTask = request.Kind != "notes";
        if (changesTask && request.RowVersion is { } seen && seen != task.RowVersion)
            return TaskActionResult.Conflict("Someone else changed this task since you opened it: reload and try again.", task.PatientKey);
        if (changesTask && !TaskStatuses.IsOpen(task.Status))
            return TaskActionResult.Conflict($"The task is already {task.Status}.", task.PatientKey);

        var now = clock.Now;
        object detail;
        string kind;
        switch (request.Kind)
        {
            case "start":
                (task.Status, task.SnoozedUntil, kind, detail) = (TaskStatuses.InProgress, null, "started", new { from = task.Status });
                break;
            case "snooze":
                (task.Status, task.SnoozedUntil, kind, detail) = (TaskStatuses.Snoozed, request.Until, "snoozed", new { until = request.Until, note = request.Note });
                break;
            case "reassign":
                if (request.Team == task.CareTeam) return TaskActionResult.Invalid($"The task is already assigned to {task.CareTeam}.");
                try
                {
                    await CareTeams.RequireActiveAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(), request.Team, ct);
                }
                catch (AttributionInputException ex)
                {
                    return TaskActionResult.Invalid(ex.Message);
                }
                (kind, detail) = ("reassigned", new TaskReassignedDetail(task.CareTeam, request.Team, "task-reassigned"));
                task.CareTeam = request.Team!;
                break;
            case "complete":
                (task.Outcome, kind, detail) = (request.Outcome, "completed", new { outcome = request.Outcome, note = request.Note });
                break;
            case "dismiss":
                (task.Outcome, kind, detail) = (request.Reason, "dismissed", new { reason = request.Reason, note = request.Note });
                break;
            default:
                (kind, detail) = ("note", new { text = request.Note });
                break;
        }
        if (changesTask) task.UpdatedAt = now;
        var json = JsonSerializer.Serialize(detail, JsonDefaults.Options);
        db.OutreachTaskEvents.Add(new OutreachTaskEvent { TaskId = task.Id, Kind = kind, Actor = user.UserName, Detail = json, OccurredAt = now, Publish = kind == "reassigned" });
        db.AuditEvents.Add(new AuditEvent
        {
            Actor = user.UserName, Action = "task." + request.Kind, EntityType = "outreach_task", EntityId = task.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            PatientKey = task.PatientKey, Detail = json, OccurredAt = now,
        });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return TaskActionResult.Conflict("Someone else changed this task at the same moment: reload and try again.", task.PatientKey);
        }

        if (request.Kind is "complete" or "dismiss")
        {
            var status = request.Kind == "complete" ? "completed" : "dismissed";
            var reason = $"{status}:{task.Outcome}";
            var closed = await TaskStore.CloseAsync((NpgsqlConnection)db.Database.GetDbConnection(), (NpgsqlTransaction)tx.GetDbTransaction(),
                [(task.Id, reason)], status, user.UserName, ct);
            if (closed != 1) return TaskActionResult.Conflict("The task was closed by someone else.", task.PatientKey);
            task.Status = status;
        }
        await tx.CommitAsync(ct);
        var version = await db.OutreachTasks.AsNoTracking().Where(t => t.Id == task.Id).Select(t => t.RowVersion).SingleAsync(ct);
        return new TaskActionResult(TaskActionOutcome.Done, Describe(request.Kind, task), task.PatientKey, task.Status, version);
    }

    private static string Describe(string kind, OutreachTask task) => kind switch
    {
        "start" => $"Task #{task.Id} started.",
        "complete" => $"Task #{task.Id} completed ({task.Outcome}).",
        "dismiss" => $"Task #{task.Id} dismissed ({task.Outcome}).",
        "snooze" => $"Task #{task.Id} snoozed until {task.SnoozedUntil:yyyy-MM-dd}.",
        "reassign" => $"Task #{task.Id} reassigned to {task.CareTeam}.",
        _ => $"Note added to task #{task.Id}.",
    };
}

using System.Globalization;
using Screening.App.Web.Actions;
using Screening.App.Web.Auth;
using Screening.App.Web.Patients;
using Screening.App.Web.Shared;
using Screening.App.Web.Worklist;

namespace Screening.App.Web.Api;

/// <summary>The JSON API (docs/api.md): bearer token or cookie (+ X-CSRF-TOKEN on POST); another team's data is 404.</summary>
public static class ApiEndpoints
{
    public static void MapScreeningApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api");
        api.MapGet("/tasks", async (HttpContext ctx, WorklistQuery query, WebOptions options, WebAudit audit, TimeProvider clock, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            var (filter, problems) = WorklistFilter.Parse(ctx.Request.Query, options.PageSize);
            if (problems.Count > 0) return Results.BadRequest(new { error = string.Join(" ", problems) });
            var counts = await query.CountAsync(filter, user.TeamFilter, WorklistEndpoints.Today(clock), ct);
            var (rows, next) = await query.PageAsync(filter, user.TeamFilter, ct);
            // A page of the list is a bulk read like the CSV export: audited with the filter and the tasks it showed.
            await audit.RecordAsync(user.UserName, "api.tasks.list", "outreach_task", null, null,
                new { query = ctx.Request.QueryString.Value, rows = rows.Count, taskIds = rows.Select(r => r.TaskId) }, ct);
            return Results.Ok(new { counts, items = rows.Select(TaskJson.From), next });
        });
        api.MapGet("/tasks/{taskId:long}", async (long taskId, HttpContext ctx, PatientQuery patients, WebAudit audit, TimeProvider clock, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            var task = await patients.FindTaskAsync(taskId, user, ct);
            if (task is null) return NotFound();
            var view = await patients.LoadAsync(task.PatientKey, user, WorklistEndpoints.Today(clock), ct);
            await audit.RecordAsync(user.UserName, "task.view", "outreach_task", Id(taskId), task.PatientKey, new { api = true }, ct);
            return Results.Ok(new { task = TaskJson.From(task, true), events = view!.Events.Where(e => e.TaskId == taskId).Select(TaskJson.Event) });
        });
        api.MapPost("/tasks/{taskId:long}/{kind}", async (long taskId, string kind, ApiActionBody? body, HttpContext ctx, TaskActions actions,
            PatientQuery patients, CancellationToken ct) =>
        {
            if (!ActionLists.Kinds.Contains(kind)) return NotFound();
            body ??= new ApiActionBody();
            var user = WebUser.From(ctx.User);
            var result = await actions.ApplyAsync(taskId, user, new TaskActionRequest(kind, body.RowVersion, body.Outcome, body.Reason, body.Until, body.Team, body.Note), ct);
            if (result.Outcome != TaskActionOutcome.Done) return Results.Json(new { error = result.Message }, statusCode: result.HttpStatus);
            var task = await patients.FindTaskAsync(taskId, user, ct);
            return Results.Ok(new { message = result.Message, task = task is null ? null : TaskJson.From(task, false) });
        });
        api.MapGet("/patients/{patientKey:long}", async (long patientKey, HttpContext ctx, PatientQuery patients, WebAudit audit, TimeProvider clock, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            var view = await patients.LoadAsync(patientKey, user, WorklistEndpoints.Today(clock), ct);
            if (view is null) return NotFound();
            await audit.RecordAsync(user.UserName, "patient.view", "patient", Id(patientKey), patientKey, new { api = true }, ct);
            var p = view.Patient;
            return Results.Ok(new
            {
                patient = new { patientKey = p.PatientKey, externalId = p.ExternalId, sourceSystem = p.SourceSystem, sex = p.Sex, age = view.Age,
                    careTeam = p.CareTeam, deceased = p.DeceasedDate is not null, hospice = p.Hospice, optedOut = p.OptedOut },
                tasks = view.Tasks.Select(t => TaskJson.From(t, true)),
                events = view.Events.Select(TaskJson.Event),
                results = view.Results.Select(r => new { r.Id, r.SourceSystem, r.ResultId, r.Loinc, r.Analyte, value = r.CanonicalValue,
                    unit = r.CanonicalUnit, on = r.CollectedOn, r.Status, r.EncounterClass }),
                procedures = view.Procedures.Select(x => new { x.Id, x.Code, x.CodeSystem, on = x.PerformedOn }),
            });
        });
    }

    private static IResult NotFound() => Results.Json(new { error = "not found" }, statusCode: StatusCodes.Status404NotFound);
    private static string Id(long id) => id.ToString(CultureInfo.InvariantCulture);
}

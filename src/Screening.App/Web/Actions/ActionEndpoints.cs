using System.Globalization;
using Screening.App.Web.Auth;
using Screening.App.Web.Shared;

namespace Screening.App.Web.Actions;

/// <summary>POST /tasks/{id}/start|complete|dismiss|snooze|reassign|notes from the patient page's forms (antiforgery-checked).</summary>
public static class ActionEndpoints
{
    public static void MapTaskActions(this IEndpointRouteBuilder app)
    {
        app.MapPost("/tasks/{taskId:long}/{kind}", async (long taskId, string kind, HttpContext ctx, TaskActions actions, CancellationToken ct) =>
        {
            if (!ActionLists.Kinds.Contains(kind)) return Layout.Message(ctx, "Not found", "No such action.", StatusCodes.Status404NotFound);
            var form = await ctx.Request.ReadFormAsync(ct);
            var request = FromForm(kind, form);
            var user = WebUser.From(ctx.User);
            var result = await actions.ApplyAsync(taskId, user, request, ct);
            if (result.Outcome == TaskActionOutcome.Done)
            {
                var stillVisible = kind != "reassign" || user.CanSee(request.Team!);
                var target = stillVisible
                    ? $"/patients/{result.PatientKey}?done={Uri.EscapeDataString(result.Message)}#task-{taskId}"
                    : $"/worklist?done={Uri.EscapeDataString(result.Message)}";
                return Results.Redirect(target);
            }
            var back = result.PatientKey > 0 ? $" Go back to patient {result.PatientKey}." : "";
            return Layout.Message(ctx, result.Outcome switch
            {
                TaskActionOutcome.NotFound => "Not found",
                TaskActionOutcome.Conflict => "Changed by someone else",
                _ => "Cannot do that",
            }, result.Message + back, result.HttpStatus);
        });
    }

    private static TaskActionRequest FromForm(string kind, IFormCollection form)
    {
        string? S(string key) => form[key].ToString() is { Length: > 0 } v ? v.Trim() : null;
        uint? version = uint.TryParse(S("rowVersion"), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : null;
        DateOnly? until = DateOnly.TryParseExact(S("until"), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : null;
        return new TaskActionRequest(kind, version, S("outcome"), S("reason"), until, S("otherTeam") ?? S("team"), S("note"));
    }
}

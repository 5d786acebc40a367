using Npgsql;
using Screening.App.Web.Auth;
using Screening.App.Web.Shared;
using Screening.App.Web.Worklist;
using Screening.Data.Platform;

namespace Screening.App.Web.Patients;

/// <summary>GET /patients/{patientKey}: internal surrogate key only; another team's patient is 404.</summary>
public static class PatientEndpoints
{
    public static void MapPatients(this IEndpointRouteBuilder app)
    {
        app.MapGet("/patients/{patientKey:long}", async (long patientKey, HttpContext ctx, PatientQuery patients, WebAudit audit,
            NpgsqlDataSource db, ScreeningClock clock, ActiveRules rules, CancellationToken ct) =>
        {
            var user = WebUser.From(ctx.User);
            var today = clock.Today;
            var view = await patients.LoadAsync(patientKey, user, today, ct);
            if (view is null) return Layout.Message(ctx, "Not found", "There is no such patient on your worklist.", StatusCodes.Status404NotFound);
            await audit.RecordAsync(user.UserName, "patient.view", "patient", patientKey.ToString(System.Globalization.CultureInfo.InvariantCulture),
                patientKey, new { tasks = view.Tasks.Count }, ct);
            var teams = await WorklistEndpoints.TeamsAsync(db, ct);
            return Layout.Page(ctx, $"Patient {patientKey}", PatientPage.Render(ctx, view, teams, today, rules.Rules));
        });
    }
}

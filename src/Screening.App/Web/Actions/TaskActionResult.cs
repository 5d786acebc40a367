namespace Screening.App.Web.Actions;

/// <summary>What an action did: done, not found (404: missing or another team's), conflict (409), or invalid (400).</summary>
public sealed record TaskActionResult(TaskActionOutcome Outcome, string Message, long PatientKey = 0, string? Status = null, uint RowVersion = 0)
{
    public static TaskActionResult NotFound() => new(TaskActionOutcome.NotFound, "No such task on your worklist.");
    public static TaskActionResult Invalid(string message) => new(TaskActionOutcome.Invalid, message);
    public static TaskActionResult Conflict(string message, long patientKey) => new(TaskActionOutcome.Conflict, message, patientKey);

    public int HttpStatus => Outcome switch
    {
        TaskActionOutcome.Done => StatusCodes.Status200OK,
        TaskActionOutcome.NotFound => StatusCodes.Status404NotFound,
        TaskActionOutcome.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };
}

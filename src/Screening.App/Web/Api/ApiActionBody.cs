namespace Screening.App.Web.Api;

/// <summary>JSON body of POST /api/tasks/{id}/{action}; every field optional except what the action needs.</summary>
public sealed record ApiActionBody(uint? RowVersion = null, string? Outcome = null, string? Reason = null, DateOnly? Until = null,
    string? Team = null, string? Note = null);

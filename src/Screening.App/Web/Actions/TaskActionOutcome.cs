namespace Screening.App.Web.Actions;

/// <summary>How a task action ended.</summary>
public enum TaskActionOutcome { Done, NotFound, Conflict, Invalid }

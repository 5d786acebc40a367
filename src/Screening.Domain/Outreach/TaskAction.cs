namespace Screening.Domain.Outreach;

/// <summary>What the screen does to a patient's task for one rule.</summary>
public enum TaskAction
{
    /// <summary>Nothing changes (no finding and no task, or the same evidence as the open task).</summary>
    None,
    /// <summary>A new finding: open a task.</summary>
    Open,
    /// <summary>Still met with new evidence (or a new priority): update the open task in place.</summary>
    Update,
    /// <summary>A snooze expired and the finding still holds: the task returns to the worklist.</summary>
    Reopen,
    /// <summary>The finding no longer holds (or the patient is excluded): close with a reason.</summary>
    Close,
}

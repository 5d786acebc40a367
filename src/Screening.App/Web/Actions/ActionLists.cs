namespace Screening.App.Web.Actions;

/// <summary>The fixed choices the actions offer (stored as codes on the task and in its events).</summary>
public static class ActionLists
{
    public static readonly string[] Outcomes =
    [
        "workup-ordered", "appointment-scheduled", "referred", "patient-informed", "already-addressed", "done-elsewhere", "unable-to-reach",
    ];

    public static readonly string[] DismissReasons =
    [
        "not-clinically-appropriate", "managed-elsewhere", "patient-declined", "data-error", "duplicate", "deceased", "moved-away",
    ];

    public static readonly string[] Kinds = ["start", "complete", "dismiss", "snooze", "reassign", "notes"];
}

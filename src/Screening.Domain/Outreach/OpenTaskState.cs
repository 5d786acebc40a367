namespace Screening.Domain.Outreach;

public enum OpenTaskState { Open, InProgress, Snoozed }

namespace Screening.Domain.Screening;

public enum OutcomeKind { NotMet, Met, Excluded, Suspended }

namespace Screening.Domain.Screening;

public enum Priority { Low, Normal, High, Urgent }

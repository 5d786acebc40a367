namespace Screening.Domain.Persistence;

/// <summary>One counted calendar day of an analyte after daily collapse: low or normal (clinical-rules §9.1).</summary>
internal readonly record struct DayReading(DateOnly Day, bool IsLow);

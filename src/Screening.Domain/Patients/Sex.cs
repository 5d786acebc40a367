namespace Screening.Domain.Patients;

/// <summary>Administrative sex as the source sent it; thresholds by sex follow WHO 2024 (clinical-rules §1.1).</summary>
public enum Sex { Unknown, Female, Male, Other }

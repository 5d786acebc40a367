using Screening.Data.Model;

namespace Screening.App.Web.Patients;

/// <summary>Everything the patient page and GET /api/patients/{key} show, already scoped to the user's teams.</summary>
public sealed record PatientRecordView(Patient Patient, int? Age, IReadOnlyList<OutreachTask> Tasks,
    IReadOnlyList<OutreachTaskEvent> Events, IReadOnlyList<LabResult> Results, IReadOnlyList<ProcedureRow> Procedures)
{
    public static readonly string[] ChartAnalytes = ["hemoglobin", "calcium-total", "calcium-ionized", "albumin", "dxa-t-score"];
}

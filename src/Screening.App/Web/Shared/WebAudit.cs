using Npgsql;
using Screening.Data.Audit;

namespace Screening.App.Web.Shared;

/// <summary>Audits what worklist users saw or exported (changes are audited with the change itself).</summary>
public sealed class WebAudit(NpgsqlDataSource dataSource)
{
    public Task RecordAsync(string actor, string action, string entityType, string? entityId, long? patientKey, object detail, CancellationToken ct) =>
        AuditLog.RecordAsync(dataSource, actor, action, entityType, entityId, patientKey, detail, ct);
}

using System.Text;
using Microsoft.EntityFrameworkCore;
using Screening.Data.Model;

namespace Screening.Data.Platform;

/// <summary>
/// EF Core mapping onto the SQL-first schema in <c>migrations/</c>. EF never creates or migrates tables; an
/// integration test proves this model matches the migrated schema column by column.
/// </summary>
public sealed class ScreeningDb(DbContextOptions<ScreeningDb> options) : DbContext(options)
{
    public DbSet<Patient> Patients => Set<Patient>();
    public DbSet<LabResult> LabResults => Set<LabResult>();
    public DbSet<DiagnosisRow> Diagnoses => Set<DiagnosisRow>();
    public DbSet<ProcedureRow> Procedures => Set<ProcedureRow>();
    public DbSet<PatientCondition> PatientConditions => Set<PatientCondition>();
    public DbSet<ScreeningRun> ScreeningRuns => Set<ScreeningRun>();
    public DbSet<OutreachTask> OutreachTasks => Set<OutreachTask>();
    public DbSet<OutreachTaskEvent> OutreachTaskEvents => Set<OutreachTaskEvent>();
    public DbSet<RejectedMessage> RejectedMessages => Set<RejectedMessage>();
    public DbSet<AuditEvent> AuditEvents => Set<AuditEvent>();
    public DbSet<AppUser> AppUsers => Set<AppUser>();
    public DbSet<AppUserTeam> AppUserTeams => Set<AppUserTeam>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();

    protected override void OnModelCreating(ModelBuilder b)
    {
        b.Entity<Patient>().ToTable("patient").HasKey(p => p.PatientKey);
        b.Entity<LabResult>().ToTable("lab_result");
        b.Entity<DiagnosisRow>().ToTable("diagnosis");
        b.Entity<ProcedureRow>().ToTable("clinical_procedure");
        b.Entity<PatientCondition>().ToTable("patient_condition").HasKey(c => new { c.PatientKey, c.RuleId });
        b.Entity<ScreeningRun>().ToTable("screening_run");
        b.Entity<OutreachTask>().ToTable("outreach_task");
        b.Entity<OutreachTask>().Property(t => t.RowVersion).HasColumnName("xmin").IsRowVersion();
        b.Entity<OutreachTaskEvent>().ToTable("outreach_task_event");
        b.Entity<RejectedMessage>().ToTable("rejected_message");
        b.Entity<AuditEvent>().ToTable("audit_event");
        b.Entity<AppUser>().ToTable("app_user");
        b.Entity<AppUserTeam>().ToTable("app_user_team").HasKey(t => new { t.UserId, t.Team });
        b.Entity<ApiToken>().ToTable("api_token");

        foreach (var property in new[] { (typeof(ScreeningRun), nameof(ScreeningRun.Findings)), (typeof(OutreachTask), nameof(OutreachTask.Finding)),
                     (typeof(OutreachTaskEvent), nameof(OutreachTaskEvent.Detail)), (typeof(AuditEvent), nameof(AuditEvent.Detail)),
                     (typeof(PatientCondition), nameof(PatientCondition.Finding)) })
            b.Entity(property.Item1).Property(property.Item2).HasColumnType("jsonb");

        foreach (var entity in b.Model.GetEntityTypes())
            foreach (var property in entity.GetProperties())
                if (property.Name != nameof(OutreachTask.RowVersion))
                    property.SetColumnName(SnakeCase(property.Name));
    }

    /// <summary>PatientKey → patient_key.</summary>
    public static string SnakeCase(string name)
    {
        var sb = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0) sb.Append('_');
            sb.Append(char.ToLowerInvariant(name[i]));
        }
        return sb.ToString();
    }
}

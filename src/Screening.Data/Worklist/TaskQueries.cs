using Screening.Data.Platform;
using Screening.Data.Model;
using Screening.Domain.Codes;

namespace Screening.Data.Worklist;

/// <summary>Worklist filters shared by the CLI (and the web worklist).</summary>
public static class TaskQueries
{
    public static IQueryable<OutreachTask> Filter(ScreeningDb db, string? team, string? rule, string? status)
    {
        IQueryable<OutreachTask> query = db.OutreachTasks;
        if (!string.IsNullOrWhiteSpace(team)) query = query.Where(t => t.CareTeam == team);
        if (!string.IsNullOrWhiteSpace(rule)) query = query.Where(t => t.RuleId == rule);
        query = status switch
        {
            null or "" => query.Where(t => TaskStatuses.OpenSet.Contains(t.Status)),
            "all" => query,
            _ => query.Where(t => t.Status == status),
        };
        return query;
    }
}

namespace Screening.FaultTests.Infrastructure;

/// <summary>What the database holds for one feed: the numbers every scenario checks.</summary>
public sealed record Ledger(long Stored, long Rows, long Rejects, long CriticalTasks, long DuplicateOpenTasks, long TasksWithoutOneCriticalEvent,
    long UnpublishedEvents)
{
    public long Duplicated => Rows - Stored;

    /// <summary>Patient/rule pairs with more than one open task (the database forbids it; the suite checks anyway).</summary>
    public const string DuplicateOpenTasksSql = """
        SELECT count(*) FROM (SELECT 1 FROM outreach_task WHERE status IN ('open', 'in-progress', 'snoozed')
                              GROUP BY patient_key, rule_id HAVING count(*) > 1) d
        """;

    public static async Task<Ledger> ReadAsync(Database db, string prefix)
    {
        var like = prefix.Replace("'", "''") + "-%";
        var stored = await db.CountAsync($"SELECT count(DISTINCT (source_system, result_id)) FROM lab_result WHERE result_id LIKE '{like}'");
        var rows = await db.CountAsync($"SELECT count(*) FROM lab_result WHERE result_id LIKE '{like}'");
        var rejects = await db.CountAsync("SELECT count(*) FROM rejected_message");
        var tasks = await db.CountAsync("SELECT count(*) FROM outreach_task WHERE rule_id = 'critical-value'");
        var duplicateOpen = await db.CountAsync(DuplicateOpenTasksSql);
        var withoutOneEvent = await db.CountAsync("""
            SELECT count(*) FROM outreach_task t
            WHERE t.rule_id = 'critical-value'
              AND (SELECT count(*) FROM outreach_task_event e WHERE e.task_id = t.id AND e.kind = 'critical') < 1
            """);
        var unpublished = await db.CountAsync("SELECT count(*) FROM outreach_task_event WHERE publish AND published_at IS NULL");
        return new Ledger(stored, rows, rejects, tasks, duplicateOpen, withoutOneEvent, unpublished);
    }

    /// <summary>Waits until every distinct result of the feed is stored (or the deadline passes: then the last ledger).</summary>
    public static async Task<Ledger> WaitStoredAsync(Database db, string prefix, long expected, TimeSpan timeout) =>
        await Eventually.Get(() => ReadAsync(db, prefix), l => l.Stored >= expected, timeout, $"{expected} results of {prefix} stored");

    public override string ToString() =>
        $"stored={Stored} rows={Rows} duplicated={Duplicated} rejects={Rejects} criticalTasks={CriticalTasks} duplicateOpenTasks={DuplicateOpenTasks} " +
        $"tasksWithoutEvent={TasksWithoutOneCriticalEvent} unpublishedEvents={UnpublishedEvents}";
}

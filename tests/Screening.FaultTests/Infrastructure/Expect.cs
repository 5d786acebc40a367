namespace Screening.FaultTests.Infrastructure;

/// <summary>The invariants every scenario ends with.</summary>
public static class Expect
{
    /// <summary>
    /// Waits until the feed is fully stored, its critical tasks opened and every outbox event announced, then checks
    /// the whole ledger: stored == distinct sent, nothing duplicated, exactly the expected rejects, one open
    /// critical-value task per critical patient with its event, nothing left unannounced.
    /// </summary>
    public static async Task<Ledger> NothingLostAsync(Database db, ResultFeed feed, long expectedRejects = 0)
    {
        var ledger = await Eventually.Get(() => Ledger.ReadAsync(db, feed.Prefix),
            l => l.Stored >= feed.Count && l.CriticalTasks >= feed.CriticalPatients && l.UnpublishedEvents == 0 && l.Rejects >= expectedRejects,
            FaultScale.Deadline(feed.Count), $"all {feed.Count} results of {feed.Prefix} stored, {feed.CriticalPatients} critical tasks, outbox empty");
        Assert.True(feed.Count == ledger.Stored, $"stored {ledger.Stored} of {feed.Count}: {ledger}");
        Assert.True(ledger.Duplicated == 0, $"duplicated: {ledger}");
        Assert.True(expectedRejects == ledger.Rejects, $"expected {expectedRejects} rejects: {ledger}");
        Assert.True(feed.CriticalPatients == ledger.CriticalTasks, $"expected {feed.CriticalPatients} critical tasks: {ledger}");
        Assert.True(ledger.DuplicateOpenTasks == 0, $"two open tasks for one patient and rule: {ledger}");
        Assert.True(ledger.TasksWithoutOneCriticalEvent == 0, $"a critical task without its event: {ledger}");
        return ledger;
    }
}

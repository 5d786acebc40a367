using Screening.Data.Outreach;

namespace Screening.App.Messaging;

/// <summary>Keeps announcing committed task events: every few seconds, and again after any failure.</summary>
public sealed class OutboxDispatchService(TaskEventDispatcher dispatcher, ILogger<OutboxDispatchService> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try { await dispatcher.DispatchPendingAsync(stoppingToken); }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested) { break; }
            catch (Exception ex) { logger.LogWarning(ex, "Outbox dispatch failed; retrying in {Seconds} s", Interval.TotalSeconds); }
            try { await Task.Delay(Interval, stoppingToken); } catch (OperationCanceledException) { break; }
        }
    }
}

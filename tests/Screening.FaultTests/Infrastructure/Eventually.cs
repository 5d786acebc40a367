namespace Screening.FaultTests.Infrastructure;

/// <summary>Waits for a condition with a deadline (never a fixed sleep).</summary>
public static class Eventually
{
    public static async Task<T> Get<T>(Func<Task<T>> probe, Func<T, bool> done, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            T value;
            try { value = await probe(); }
            catch (Exception) when (DateTime.UtcNow < deadline) { await Task.Delay(200); continue; }
            if (done(value)) return value;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Timed out after {timeout.TotalSeconds:0} s waiting for {what}; last value: {value}");
            await Task.Delay(200);
        }
    }

    public static Task Until(Func<Task<bool>> probe, TimeSpan timeout, string what) => Get(probe, ok => ok, timeout, what);
}

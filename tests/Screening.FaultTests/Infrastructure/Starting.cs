namespace Screening.FaultTests.Infrastructure;

/// <summary>Starts a resource; if starting fails, disposes what was created and rethrows.</summary>
public static class Starting
{
    public static async Task<T> OrDisposeAsync<T>(T resource, Func<Task> start) where T : IAsyncDisposable
    {
        try
        {
            await start();
            return resource;
        }
        catch
        {
            await resource.DisposeAsync();
            throw;
        }
    }
}

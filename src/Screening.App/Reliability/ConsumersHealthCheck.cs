using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Screening.App.Reliability;

/// <summary>Not ready while the <see cref="DependencyCircuit"/> is open (consumers paused waiting for a dependency).</summary>
public sealed class ConsumersHealthCheck(DependencyCircuit circuit) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken ct = default) =>
        Task.FromResult(circuit.Open is { } open
            ? HealthCheckResult.Unhealthy($"consumers paused since {open.Since:O}: {open.Reason}")
            : HealthCheckResult.Healthy());
}

namespace Screening.FaultTests.Infrastructure;

/// <summary>
/// A fault scenario: needs a Docker engine and the images of infra/images. Skipped only on a developer machine
/// without one; with SCREENING_REQUIRE_SERVICES=1 (./test.sh, CI) it runs and fails with the reason instead.
/// </summary>
public sealed class FaultFactAttribute : FactAttribute
{
    public FaultFactAttribute()
    {
        if (DockerEngine.SkipReason is { } reason) Skip = reason;
    }
}

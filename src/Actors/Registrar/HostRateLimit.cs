namespace RSerPool.Actors.Registrar;

/// <summary>The rate limiters of one remote host and how many associations it has (<see cref="HostRateLimits"/>).</summary>
internal sealed class HostRateLimit(TokenBucket resolutions, TokenBucket unreachableReports)
{
    public TokenBucket Resolutions { get; } = resolutions;

    public TokenBucket UnreachableReports { get; } = unreachableReports;

    public int Associations { get; set; }
}

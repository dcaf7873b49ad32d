namespace RSerPool.Actors.Api;

/// <summary>Told to a pool-user session actor: move to another PE now (rsp_forcefailover).</summary>
public sealed record ForcePoolFailover : IRSerPoolMessage
{
    /// <summary>The only instance.</summary>
    public static ForcePoolFailover Instance { get; } = new();
}

// Pool user cache and reporting (RFC 5352 §3.3, §3.5, services draft §4.4 basic mode).
using RSerPool.Wire.Messages.Asap;

namespace RSerPool.Actors.PoolUser;

/// <summary>Typed settings of <see cref="PoolUserResolverActor"/> (hocon <c>rserpool.pu.*</c>).</summary>
public sealed record PoolUserSettings
{
    public static PoolUserSettings Default { get; } = new();

    /// <summary>How long a resolved PE is used from the cache (RFC stale.cache.value 30 s); zero = always ask the registrar (RSPLIB clients).</summary>
    public TimeSpan StaleCacheTime { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Handle Resolution Option Items (draft-dreibholz-rserpool-asap-hropt, docs/protocol-notes.md §4); default "as many as possible" (the registrar caps at 128) so the cache holds the pool.</summary>
    public uint HandleResolutionItems { get; init; } = AsapHandleResolution.AsManyAsPossible;

    /// <summary>Least time between two Endpoint Unreachable reports for the same PE (RFC 5355 rate limit). Default 1 s.</summary>
    public TimeSpan MinUnreachableReportInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a PE reported unreachable is skipped by selection even when a registrar still returns it (it removes a PE
    /// only after MAX-BAD-PE-REPORT reports, RFC 5352 §3.5). Default 5 s.
    /// </summary>
    public TimeSpan UnreachableExclusionTime { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Selections and pool-info requests waiting for one pool's resolution; more are failed at once. Default 10 000.</summary>
    public int MaxWaitingPerPool { get; init; } = 10_000;
}

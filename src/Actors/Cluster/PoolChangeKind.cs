namespace RSerPool.Actors.Cluster;

/// <summary>What a <see cref="PoolChanged"/> says happened to one PE of the watched pool.</summary>
public enum PoolChangeKind
{
    /// <summary>The PE joined the pool (as the subscriber sees it).</summary>
    Added,

    /// <summary>The PE changed: its policy or load, its transport, or its home registrar.</summary>
    Updated,

    /// <summary>The PE left the pool; <see cref="PoolChanged.Reason"/> says why.</summary>
    Removed,
}

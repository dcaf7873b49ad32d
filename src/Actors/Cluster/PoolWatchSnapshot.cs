using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Cluster;

/// <summary>
/// Pool watch actor → subscription (the sender is the origin), answering <see cref="GetPoolWatchSnapshot"/>.
/// A snapshot: <paramref name="Elements"/> holds home PEs of the pool as of the origin's event <paramref name="Sequence"/>,
/// in pages of at most <see cref="PageSize"/> (<paramref name="More"/>: another page with the same sequence follows;
/// Akka.Remote refuses a message over its frame size). A check (<paramref name="Elements"/> null): the pool's last
/// event at the origin is <paramref name="Sequence"/>.
/// </summary>
public sealed record PoolWatchSnapshot(PoolHandle PoolHandle, long Sequence, IReadOnlyList<PoolElement>? Elements, bool More = false) : IRSerPoolClusterMessage
{
    /// <summary>Most PEs per page: ~40 kB with Hyperion even with several IPv6 addresses per PE (Akka.Remote's frame: 128,000 bytes).</summary>
    public const int PageSize = 256;

    public override string ToString() =>
        $"PoolWatchSnapshot({PoolHandle}, at {Sequence}, {(Elements is null ? "check" : $"{Elements.Count} PEs{(More ? ", more follow" : "")}")})";
}

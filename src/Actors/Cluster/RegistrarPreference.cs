// The order in which a PE/PU process tries the cluster's registrars (docs/cluster.md "How a registrar is chosen").
namespace RSerPool.Actors.Cluster;

/// <summary>
/// Nearest first, then least loaded. Nearest: a registrar on this host before any other; then the lower measured round
/// trip, where round trips within <c>tolerance</c> of each other count as equal (a network's jitter must not decide), and an
/// unmeasured one comes after the measured ones. Least loaded: the fewer PEs the registrar reports. Remaining ties go by a
/// hash of this process's seed and the server ID (rendezvous hashing), so equal registrars share the processes out
/// instead of every process picking the same one, and one process keeps its choice from one ordering to the next.
/// </summary>
public static class RegistrarPreference
{
    public static IReadOnlyList<ClusterRegistrarCandidate> Order(IEnumerable<ClusterRegistrarCandidate> candidates, TimeSpan tolerance, uint seed)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        long bucket = Math.Max(1, tolerance.Ticks);
        return candidates
            .OrderBy(c => c.SameHost ? 0 : 1)
            .ThenBy(c => c.RoundTrip is { } rtt ? rtt.Ticks / bucket : long.MaxValue)
            .ThenBy(c => c.Load ?? 0)
            .ThenBy(c => Spread(seed, c.ServerId))
            .ThenBy(c => c.AsapEndPoint.ToString(), StringComparer.Ordinal)
            .ToList();
    }

    // A 32-bit mix (murmur3's finaliser) of the pair: uniform over server IDs for one seed, different across seeds.
    private static uint Spread(uint seed, uint serverId)
    {
        uint h = seed ^ (serverId * 0x9E3779B1u);
        h ^= h >> 16;
        h *= 0x85EBCA6Bu;
        h ^= h >> 13;
        h *= 0xC2B2AE35u;
        h ^= h >> 16;
        return h;
    }
}

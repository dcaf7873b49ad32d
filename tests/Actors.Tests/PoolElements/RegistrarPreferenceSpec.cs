using System.Net;
using RSerPool.Actors.Cluster;
using Xunit;

namespace RSerPool.Actors.Tests.PoolElements;

/// <summary>The order of the cluster's registrars (docs/cluster.md "How a registrar is chosen"): same host, round trip, load, spread.</summary>
public sealed class RegistrarPreferenceSpec
{
    private static readonly TimeSpan Tolerance = TimeSpan.FromMilliseconds(1);

    private static ClusterRegistrarCandidate Candidate(int port, bool sameHost = false, double? rttMs = null, long? load = null, uint serverId = 0) =>
        new(new IPEndPoint(IPAddress.Parse("10.0.0.1"), port), serverId == 0 ? (uint)port : serverId, sameHost, rttMs is { } ms ? TimeSpan.FromMilliseconds(ms) : null, load);

    private static int[] Order(uint seed, params ClusterRegistrarCandidate[] candidates) =>
        [.. RegistrarPreference.Order(candidates, Tolerance, seed).Select(c => c.AsapEndPoint.Port)];

    [Fact]
    public void A_registrar_on_this_host_comes_first_whatever_its_round_trip_or_load()
    {
        Assert.Equal([2, 1], Order(7, Candidate(1, rttMs: 0.1, load: 0), Candidate(2, sameHost: true, rttMs: 5, load: 100)));
    }

    [Fact]
    public void Then_the_lower_round_trip_and_unmeasured_ones_last()
    {
        Assert.Equal([2, 1, 3], Order(7, Candidate(1, rttMs: 9), Candidate(2, rttMs: 3), Candidate(3)));
    }

    [Fact]
    public void Round_trips_within_the_tolerance_count_as_equal_and_the_least_loaded_wins()
    {
        Assert.Equal([2, 1], Order(7, Candidate(1, rttMs: 0.2, load: 50), Candidate(2, rttMs: 0.7, load: 10)));
        Assert.Equal([1, 2], Order(7, Candidate(1, rttMs: 0.2, load: 50), Candidate(2, rttMs: 1.7, load: 10)));
    }

    [Fact]
    public void Equal_registrars_are_shared_out_among_processes_and_each_process_keeps_its_order()
    {
        var equal = Enumerable.Range(1, 3).Select(i => Candidate(i, rttMs: 0.1, load: 0)).ToArray();
        var firsts = Enumerable.Range(1, 300).Select(seed => Order((uint)seed, equal)[0]).ToList();

        Assert.All([1, 2, 3], port => Assert.InRange(firsts.Count(first => first == port), 60, 140));
        Assert.Equal(Order(42, equal), Order(42, [.. equal.Reverse()]));
    }
}

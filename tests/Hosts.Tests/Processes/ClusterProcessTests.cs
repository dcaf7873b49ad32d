using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 15 items 1, 2 and 6: three real registrar processes in cluster mode (Akka.Cluster over loopback, no
/// <c>--peer</c>): they find each other through the cluster, replicate, take over a SIGKILLed one, and a restarted
/// one rejoins with the full handlespace. Times are printed for the report.
/// </summary>
public sealed class ClusterProcessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    [Fact]
    public async Task Three_clustered_registrars_without_peers_replicate_take_over_a_killed_one_and_take_it_back_after_a_restart()
    {
        var a = await StartClusteredAsync("0xa1", seed: null);
        await using var _a = a.Process;
        var b = await StartClusteredAsync("0xb2", a.Remote);
        await using var _b = b.Process;
        var c = await StartClusteredAsync("0xc3", a.Remote);
        await using var _c = c.Process;
        foreach (var (node, others) in new[] { (a, new[] { "b2", "c3" }), (b, new[] { "a1", "c3" }), (c, new[] { "a1", "b2" }) })
        {
            foreach (string other in others)
            {
                await node.Process.WaitForLineAsync($"new ENRP peer 0x000000{other}");
            }

            // Both others Up in this node's view (its directory lists Up members only): a node killed while another
            // is still joining can leave the cluster unable to decide (docs/cluster.md).
            await node.Process.WaitForLineAsync($"ENRP peers from the cluster: 0x000000{others[0]} at .*, 0x000000{others[1]} at");
        }

        await using var pe1 = StartPe(0x901, b.Asap);
        await using var pe2 = StartPe(0x902, b.Asap);
        await using var pe3 = StartPe(0x903, a.Asap);
        foreach (var (id, home) in new[] { (0x901u, "b2"), (0x902u, "b2"), (0x903u, "a1") })
        {
            foreach (var node in new[] { a, b, c }.Where(n => !n.Id.EndsWith(home, StringComparison.Ordinal)))
            {
                await node.Process.WaitForLineAsync($"copy of PE 0x{id:x8} .* from registrar 0x000000{home} added");
            }
        }

        var clock = Stopwatch.StartNew();
        b.Process.Signal(kill: true);
        const string took = "took over 0x000000b2: now home";
        await await Task.WhenAny(a.Process.WaitForLineAsync(took), c.Process.WaitForLineAsync(took));
        var takeover = clock.Elapsed;
        uint takerId = a.Process.Output.Contains(took, StringComparison.Ordinal) ? 0xa1u : 0xc3u;
        output.WriteLine($"cluster mode: registrar B taken over by 0x{takerId:x8} {takeover.TotalMilliseconds:F0} ms after SIGKILL");
        Assert.True(takeover < TimeSpan.FromSeconds(5), $"takeover after {takeover}");
        foreach (var asap in new[] { a.Asap, c.Asap })
        {
            var found = await TakeoverProcessTests.ResolveUntilAsync(asap, found => found.Length == 3 && found.All(e => e.Identifier == 0x903 || e.HomeServerIdentifier == takerId));
            Assert.Equal([0x901u, 0x902u, 0x903u], found.Select(e => e.Identifier).Order().ToArray());   // none lost, none twice
        }

        // The cluster also removes B (failure detector, then keep-majority); the survivors log it.
        await a.Process.WaitForLineAsync("registrar node .* removed from the cluster");

        // B restarts (same id, a new Akka.Remote port), joins through A and downloads the handlespace.
        clock.Restart();
        var b2 = await StartClusteredAsync("0xb2", a.Remote);
        await using var _b2 = b2.Process;
        var all = await TakeoverProcessTests.ResolveUntilAsync(b2.Asap, found => found.Length == 3);
        output.WriteLine($"restarted B resolves all 3 PEs {clock.ElapsedMilliseconds} ms after its start");
        var views = new List<string>();
        foreach (var asap in new[] { a.Asap, b2.Asap, c.Asap })
        {
            var found = await TakeoverProcessTests.ResolveUntilAsync(asap, found => found.Length == 3);
            views.Add(string.Join(", ", found.OrderBy(e => e.Identifier).Select(e => $"0x{e.Identifier:x8}@0x{e.HomeServerIdentifier:x8}")));
        }

        Assert.Single(views.Distinct());   // the three handlespaces agree on every PE and its home
        Assert.Equal(3, all.Length);
    }

    // Item 1: a registrar outside the cluster (as an RSPLIB one would be) peers by static --peer with a clustered one.
    [Fact]
    public async Task A_static_peer_outside_the_cluster_replicates_with_the_clustered_registrars()
    {
        var a = await StartClusteredAsync("0xa1", seed: null);
        await using var _a = a.Process;
        var b = await StartClusteredAsync("0xb2", a.Remote);
        await using var _b = b.Process;
        var outside = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--server-id", "0xd4", "--peer", a.Enrp.ToString());
        await using var _d = outside;
        var ready = await outside.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+)");
        var outsideAsap = new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture));
        await a.Process.WaitForLineAsync("new ENRP peer 0x000000d4");

        await using var pe = StartPe(0x9d1, outsideAsap);
        await outside.WaitForLineAsync("PE 0x000009d1 registered in EchoPool from");
        foreach (var asap in new[] { a.Asap, b.Asap })
        {
            var found = await TakeoverProcessTests.ResolveUntilAsync(asap, found => found.Length == 1);
            Assert.Equal((0x9d1u, 0xd4u), (found[0].Identifier, found[0].HomeServerIdentifier));
        }
    }

    [Fact]
    public async Task Seed_without_cluster_is_a_usage_error()
    {
        await using var process = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--seed", "127.0.0.1:4053");
        Assert.Equal(2, await process.WaitForExitAsync());
        Assert.Contains(process.Lines, line => line.Contains("--seed needs cluster mode", StringComparison.Ordinal));
    }

    internal sealed record Node(string Id, RserpoolProcess Process, IPEndPoint Asap, IPEndPoint Enrp, string Remote);

    internal static async Task<Node> StartClusteredAsync(string serverId, string? seed, params string[] extra)
    {
        string[] seedArgs = seed is null ? [] : ["--seed", seed];
        var process = RserpoolProcess.Start(["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--server-id", serverId, "--cluster", "127.0.0.1:0", .. seedArgs,
            "--max-hr-rate", "0", "--max-hr-rate-per-host", "0", "--log-level", "debug", .. extra]);
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+), ENRP on TCP 127\.0\.0\.1:(\d+)");
        var clustered = await process.WaitForLineAsync(@"in cluster mode: akka\.tcp://rserpool@127\.0\.0\.1:(\d+)");
        return new Node(serverId, process,
            new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture)),
            new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[2].Value, CultureInfo.InvariantCulture)),
            $"127.0.0.1:{clustered.Groups[1].Value}");
    }

    private static RserpoolProcess StartPe(uint identifier, params IPEndPoint[] registrars) =>
        RserpoolProcess.Start(["server", "--pool", "EchoPool", "--service", "echo", "--asap-announce", "off", "--local", "127.0.0.1:0",
            "--identifier", $"0x{identifier:x}", .. registrars.SelectMany(registrar => new[] { "--registrar", registrar.ToString() })]);
}

using System.Globalization;
using System.Net;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>Two real <c>rserpool registrar</c> processes peering by ENRP over loopback TCP (RFC 5353, issue 6).</summary>
public sealed class EnrpProcessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static async Task<(RserpoolProcess Process, IPEndPoint Asap, IPEndPoint Enrp)> StartRegistrarAsync(string serverId, params string[] extra)
    {
        var process = RserpoolProcess.Start(["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
            "--server-id", serverId, "--keep-alive-interval", "30s", "--log-level", "debug", .. extra]);
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+), ENRP on TCP 127\.0\.0\.1:(\d+)");
        return (process,
            new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture)),
            new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[2].Value, CultureInfo.InvariantCulture)));
    }

    [Fact]
    public async Task A_registration_at_one_registrar_is_resolvable_at_its_peer()
    {
        var (first, firstAsap, firstEnrp) = await StartRegistrarAsync("0xa1");
        await using var _ = first;
        var (second, secondAsap, _) = await StartRegistrarAsync("0xb2", "--peer", firstEnrp.ToString());
        await using var __ = second;
        await first.WaitForLineAsync("new ENRP peer 0x000000b2");
        await second.WaitForLineAsync("new ENRP peer 0x000000a1");

        using var pe = await AsapClient.ConnectAsync(firstAsap);
        var registration = new AsapRegistration(PoolHandle.FromString("EchoPool"),
            new PoolElement(0x1a2b3c4d, 0, 90000, new TcpTransport(7001, TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin()));
        await pe.SendAsync(registration);
        Assert.False(Assert.IsType<AsapRegistrationResponse>(await pe.ReceiveAsync()).Rejected);
        await second.WaitForLineAsync("copy of PE 0x1a2b3c4d .* from registrar 0x000000a1 added");

        using var pu = await AsapClient.ConnectAsync(secondAsap);
        await pu.SendAsync(new AsapHandleResolution(PoolHandle.FromString("EchoPool")));
        var resolution = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
        var element = Assert.Single(resolution.PoolElements);
        Assert.Equal(0x1a2b3c4du, element.Identifier);
        Assert.Equal(0xa1u, element.HomeServerIdentifier);
        Assert.Equal((ushort)7001, element.UserTransport.Port);

        second.Signal();
        Assert.Equal(0, await second.WaitForExitAsync());
    }

    [Fact]
    public async Task The_PEs_of_a_killed_registrar_are_taken_over_by_exactly_one_peer()
    {
        var (a, aAsap, aEnrp) = await StartRegistrarAsync("0xa1");
        await using var _ = a;
        var (b, bAsap, bEnrp) = await StartRegistrarAsync("0xb2", "--peer", aEnrp.ToString());
        await using var __ = b;
        var (c, cAsap, _) = await StartRegistrarAsync("0xc3", "--peer", aEnrp.ToString(), "--peer", bEnrp.ToString());
        await using var ___ = c;
        await b.WaitForLineAsync("new ENRP peer 0x000000c3");

        using var pe = await AsapClient.ConnectAsync(aAsap);
        foreach (uint id in new uint[] { 0x101, 0x102 })
        {
            await pe.SendAsync(new AsapRegistration(PoolHandle.FromString("EchoPool"),
                new PoolElement(id, 0, 90000, new TcpTransport((ushort)(7000 + id), TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin())));
            Assert.False(Assert.IsType<AsapRegistrationResponse>(await pe.ReceiveAsync()).Rejected);
        }

        await b.WaitForLineAsync("copy of PE 0x00000102 .* from registrar 0x000000a1 added");
        await c.WaitForLineAsync("copy of PE 0x00000102 .* from registrar 0x000000a1 added");

        var clock = System.Diagnostics.Stopwatch.StartNew();
        a.Signal(kill: true);
        var taken = await Task.WhenAny(b.WaitForLineAsync("took over 0x000000a1: now home"), c.WaitForLineAsync("took over 0x000000a1: now home"));
        await taken;
        var elapsed = clock.Elapsed;
        output.WriteLine($"takeover {elapsed.TotalMilliseconds:F0} ms after SIGKILL");
        // Target 2 s (1.25-1.53 s by the timers, measured 1.25-1.7 s); the margin is for a loaded CI machine.
        Assert.True(elapsed < TimeSpan.FromSeconds(3), $"takeover after {elapsed}");

        uint taker = b.Output.Contains("took over 0x000000a1: now home", StringComparison.Ordinal) ? 0xb2u : 0xc3u;
        await (taker == 0xb2u ? c : b).WaitForLineAsync("0x000000(b2|c3) took over 0x000000a1");
        Assert.False((taker == 0xb2u ? c : b).Output.Contains("took over 0x000000a1: now home", StringComparison.Ordinal));
        // Issue 16: a takeover is a warning on both sides, and the dead registrar, a configured peer of b and c, is
        // then warned about as unreachable.
        Assert.NotEmpty((taker == 0xb2u ? b : c).LinesMatching(@"\[WRN\] registrar 0x000000(b2|c3): took over 0x000000a1: now home"));
        Assert.NotEmpty((taker == 0xb2u ? c : b).LinesMatching(@"\[WRN\] registrar 0x000000(b2|c3): 0x000000(b2|c3) took over 0x000000a1"));
        await b.WaitForLineAsync($@"\[WRN\] registrar 0x000000b2: configured ENRP peer {System.Text.RegularExpressions.Regex.Escape(aEnrp.ToString())} unreachable: ");
        foreach (var asap in new[] { bAsap, cAsap })
        {
            using var pu = await AsapClient.ConnectAsync(asap);
            await pu.SendAsync(new AsapHandleResolution(PoolHandle.FromString("EchoPool"), 10));
            var resolution = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
            Assert.Equal([0x101u, 0x102u], resolution.PoolElements.Select(e => e.Identifier).Order().ToArray());
            Assert.All(resolution.PoolElements, e => Assert.Equal(taker, e.HomeServerIdentifier));
        }
    }

    // Issue 6: "PEs whose home died ... re-register elsewhere; both paths together must leave exactly one entry per PE
    // in every handlespace". Three raw PEs (they never re-register: the takeover moves them; transport use as the
    // servers', so the pool accepts both) and two real `rserpool server` PEs (over TCP they re-register elsewhere as soon as their association breaks) have registrar 0xa1 as home.
    [Fact]
    public async Task After_a_killed_registrar_is_taken_over_each_of_its_PEs_has_exactly_one_entry_at_both_survivors()
    {
        // Keep-alive timeout 5 s: the test answers the new home's Keep Alives itself, after reading its log.
        var (a, aAsap, aEnrp) = await StartRegistrarAsync("0xa1", "--keep-alive-timeout", "5s");
        await using var _ = a;
        var (b, bAsap, bEnrp) = await StartRegistrarAsync("0xb2", "--keep-alive-timeout", "5s", "--peer", aEnrp.ToString());
        await using var __ = b;
        var (c, cAsap, _) = await StartRegistrarAsync("0xc3", "--keep-alive-timeout", "5s", "--peer", aEnrp.ToString(), "--peer", bEnrp.ToString());
        await using var ___ = c;
        await a.WaitForLineAsync("new ENRP peer 0x000000c3");
        await b.WaitForLineAsync("new ENRP peer 0x000000c3");

        var pool = PoolHandle.FromString("EchoPool");
        uint[] raw = [0x201, 0x202, 0x203];
        using var pe = await AsapClient.ConnectAsync(aAsap, new IPEndPoint(IPAddress.Loopback, 0));
        // The raw PEs' ASAP endpoint also holds associations with B and C (same local address and port, as one SCTP
        // endpoint of a PE would be reachable by any registrar), so whichever takes over can reach them (RFC 5353 §3.5).
        using var toB = await AsapClient.ConnectAsync(bAsap, pe.LocalEndPoint);
        using var toC = await AsapClient.ConnectAsync(cAsap, pe.LocalEndPoint);
        foreach (uint id in raw)
        {
            await pe.SendAsync(new AsapRegistration(pool,
                new PoolElement(id, 0, 90000, new TcpTransport((ushort)(7000 + id), TransportUse.DataPlusControl, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin())));
            Assert.False(Assert.IsType<AsapRegistrationResponse>(await pe.ReceiveAsync()).Rejected);
        }

        uint[] served = [0x301, 0x302];
        var servers = new List<RserpoolProcess>();
        try
        {
            foreach (uint id in served)
            {
                var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--asap-announce", "off", "--local", "127.0.0.1:0",
                    "--identifier", $"0x{id:x}", "--registrar", aAsap.ToString(), "--registrar", bAsap.ToString(), "--registrar", cAsap.ToString());
                servers.Add(server);
                await a.WaitForLineAsync($"PE 0x{id:x8} registered in EchoPool from");   // the PE learns no server id from ASAP: A's log tells
            }

            uint[] all = [.. raw, .. served];
            await ResolveUntilAsync(bAsap, pool, elements => elements.Length == all.Length);
            await ResolveUntilAsync(cAsap, pool, elements => elements.Length == all.Length);

            a.Signal(kill: true);
            var takenOver = await Task.WhenAny(b.WaitForLineAsync("took over 0x000000a1: now home"), c.WaitForLineAsync("took over 0x000000a1: now home"));
            await takenOver;
            uint taker = b.Output.Contains("took over 0x000000a1: now home", StringComparison.Ordinal) ? 0xb2u : 0xc3u;

            // The new home sends each taken-over PE an Endpoint Keep Alive with the H flag (RFC 5353 §3.5.2).
            var toTaker = taker == 0xb2u ? toB : toC;
            var homed = new List<uint>();
            for (int i = 0; i < raw.Length; i++)
            {
                var keepAlive = Assert.IsType<AsapEndpointKeepAlive>(await toTaker.ReceiveAsync(keepAlives: true));
                Assert.True(keepAlive.HomeFlag);
                Assert.Equal(taker, keepAlive.ServerIdentifier);
                uint identifier = Assert.NotNull(keepAlive.PoolElementIdentifier);
                homed.Add(identifier);
                await toTaker.SendAsync(new AsapEndpointKeepAliveAck(pool, identifier));
            }
            Assert.Equal(raw, homed.Order().ToArray());
            await (taker == 0xb2u ? c : b).WaitForLineAsync($"0x{taker:x8} took over 0x000000a1");
            foreach (uint id in served)
            {
                string registered = $"PE 0x{id:x8} registered in EchoPool from";
                await await Task.WhenAny(b.WaitForLineAsync(registered), c.WaitForLineAsync(registered));
            }

            // Every PE exactly once at each survivor: the raw ones homed at the taker, the servers at their new registrar.
            foreach (var asap in new[] { bAsap, cAsap })
            {
                var elements = await ResolveUntilAsync(asap, pool, found => found.All(e => e.HomeServerIdentifier != 0xa1u));
                Assert.Equal(all.Order().ToArray(), elements.Select(e => e.Identifier).Order().ToArray());
                Assert.All(elements.Where(e => raw.Contains(e.Identifier)), e => Assert.Equal(taker, e.HomeServerIdentifier));
                Assert.All(elements.Where(e => served.Contains(e.Identifier)), e => Assert.Contains(e.HomeServerIdentifier, new[] { 0xb2u, 0xc3u }));
            }
        }
        finally
        {
            foreach (var server in servers)
            {
                await server.DisposeAsync();
            }
        }
    }

    // Resolves (up to 16 PEs, so all of this pool's) until the answer satisfies the condition, one request in flight;
    // bounded by 10 s and 100,000 attempts. No answer may ever hold a PE twice.
    private static async Task<PoolElement[]> ResolveUntilAsync(IPEndPoint asap, PoolHandle pool, Func<PoolElement[], bool> condition)
    {
        using var pu = await AsapClient.ConnectAsync(asap);
        PoolElement[] elements = [];
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (int attempt = 0; attempt < 100_000 && clock.Elapsed < TimeSpan.FromSeconds(10); attempt++)
        {
            await pu.SendAsync(new AsapHandleResolution(pool, 16));
            var response = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
            elements = response.Error is null ? response.PoolElements.ToArray() : [];
            Assert.Equal(elements.Length, elements.Select(e => e.Identifier).Distinct().Count());
            if (condition(elements))
            {
                return elements;
            }
        }

        throw new TimeoutException($"{asap}: resolution of {pool} never satisfied the condition; last {string.Join(", ", elements.Select(e => $"0x{e.Identifier:x8}@0x{e.HomeServerIdentifier:x8}"))}");
    }
}

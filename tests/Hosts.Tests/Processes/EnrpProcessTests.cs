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
        foreach (var asap in new[] { bAsap, cAsap })
        {
            using var pu = await AsapClient.ConnectAsync(asap);
            await pu.SendAsync(new AsapHandleResolution(PoolHandle.FromString("EchoPool"), 10));
            var resolution = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
            Assert.Equal([0x101u, 0x102u], resolution.PoolElements.Select(e => e.Identifier).Order().ToArray());
            Assert.All(resolution.PoolElements, e => Assert.Equal(taker, e.HomeServerIdentifier));
        }
    }
}

using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>/metrics through a real ENRP takeover (RFC 5353 §3.5): three registrars, one SIGKILLed, the taker counts it.</summary>
public sealed class TakeoverMetricsProcessTests
{
    private static async Task<(RserpoolProcess Process, string Asap, string Enrp, Uri Status)> StartRegistrarAsync(string serverId, params string[] peers)
    {
        var process = RserpoolProcess.Start(["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0", "--enrp-announce", "off",
            "--server-id", serverId, "--status", "127.0.0.1:0", "--log-level", "debug", .. peers.SelectMany(peer => new[] { "--peer", peer })]);
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP (127\.0\.0\.1:\d+), ENRP on TCP (127\.0\.0\.1:\d+)");
        var status = new Uri((await process.WaitForLineAsync(@"status on (http://127\.0\.0\.1:\d+/)status")).Groups[1].Value);
        return (process, ready.Groups[1].Value, ready.Groups[2].Value, status);
    }

    [Fact]
    public async Task The_registrar_that_takes_a_killed_peer_over_counts_one_takeover()
    {
        var (a, aAsap, aEnrp, _) = await StartRegistrarAsync("0xa1");
        await using var _ = a;
        var (b, _, bEnrp, bStatus) = await StartRegistrarAsync("0xb2", aEnrp);
        await using var __ = b;
        var (c, _, _, cStatus) = await StartRegistrarAsync("0xc3", aEnrp, bEnrp);
        await using var ___ = c;
        await b.WaitForLineAsync("new ENRP peer 0x000000c3");
        await c.WaitForLineAsync("new ENRP peer 0x000000b2");
        // A PE homed at A (and knowing no other registrar): A's copies at B and C make A worth taking over.
        var server = RserpoolProcess.Start("server", "--pool", "EchoPool", "--service", "echo", "--registrar", aAsap, "--asap-announce", "off",
            "--local", "127.0.0.1:0");
        await using var ____ = server;
        string pe = (await server.WaitForLineAsync(@"server ready: PE 0x([0-9a-f]{8})")).Groups[1].Value;
        await b.WaitForLineAsync($"copy of PE 0x{pe} .* from registrar 0x000000a1 added");
        await c.WaitForLineAsync($"copy of PE 0x{pe} .* from registrar 0x000000a1 added");

        a.Signal(kill: true);
        await Task.WhenAny(b.WaitForLineAsync("took over 0x000000a1: now home"), c.WaitForLineAsync("took over 0x000000a1: now home")).Unwrap();
        bool bTook = b.Output.Contains("took over 0x000000a1: now home", StringComparison.Ordinal);

        using var http = new HttpClient();
        string taker = await http.GetStringAsync(new Uri(bTook ? bStatus : cStatus, "metrics"));
        string other = await http.GetStringAsync(new Uri(bTook ? cStatus : bStatus, "metrics"));

        Assert.Contains("rserpool_takeovers_total 1\n", taker, StringComparison.Ordinal);
        Assert.Contains("rserpool_takeovers_total 0\n", other, StringComparison.Ordinal);
        Assert.Matches(@"rserpool_enrp_messages_total\{direction=""sent"",type=""InitTakeover""\} [1-9]", taker);
        Assert.Matches(@"rserpool_enrp_messages_total\{direction=""received"",type=""TakeoverServer""\} [1-9]", other);
    }
}

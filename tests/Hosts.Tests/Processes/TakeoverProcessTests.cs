using System.Diagnostics;
using System.Globalization;
using System.Net;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 13 items 1 and 2: three real registrars peered over ENRP (TCP, loopback) and a real PE over TCP that knows
/// only registrar A. The registrar that takes A over must reach the PE (RFC 5353 §3.5.2, its TCP ASAP endpoint:
/// docs/protocol-notes.md §2) and drop it everywhere once it is dead or hung. Times are printed for the report.
/// </summary>
public sealed class TakeoverProcessTests(Xunit.Abstractions.ITestOutputHelper output)
{
    private static readonly PoolHandle Pool = PoolHandle.FromString("EchoPool");

    [Fact]
    public async Task A_PE_taken_over_over_TCP_adopts_the_new_home_and_leaves_every_registrar_soon_after_it_is_killed()
    {
        await using var cluster = await Cluster.StartAsync();
        await using var pe = StartPe(0x401, cluster.AAsap);
        await cluster.AwaitCopiesAsync(0x401);

        var clock = Stopwatch.StartNew();
        cluster.A.Signal(kill: true);
        var (taker, takerId) = await cluster.AwaitTakeoverAsync();
        output.WriteLine($"takeover {clock.ElapsedMilliseconds} ms after SIGKILL of registrar A");
        await taker.WaitForLineAsync("association to the ASAP endpoint .* of 1 adopted PEs is up");
        await pe.WaitForLineAsync($"registrar 0x{takerId:x8} is the new home \\(H flag\\)");
        output.WriteLine($"PE adopted its new home {clock.ElapsedMilliseconds} ms after SIGKILL of registrar A");
        // Issue 16: the PE's lost registrar is a warning, not an INFO line.
        Assert.NotEmpty(pe.LinesMatching($@"\[WRN\] registrar association with {System.Text.RegularExpressions.Regex.Escape(cluster.AAsap.ToString())} lost"));
        foreach (var asap in cluster.Survivors)
        {
            var elements = await ResolveUntilAsync(asap, found => found.Length == 1 && found[0].HomeServerIdentifier == takerId);
            Assert.Equal(0x401u, elements[0].Identifier);
        }

        clock.Restart();
        pe.Signal(kill: true);
        foreach (var asap in cluster.Survivors)
        {
            await ResolveUntilAsync(asap, found => found.Length == 0);
        }

        var gone = clock.Elapsed;
        output.WriteLine($"dead PE unresolvable at both survivors {gone.TotalMilliseconds:F0} ms after its SIGKILL");
        // Before the fix: resolvable until its registration life ran out (about 90 s). The association ends at once.
        Assert.True(gone < TimeSpan.FromSeconds(3), $"dead PE resolvable for {gone}");
    }

    [Fact]
    public async Task A_hung_PE_taken_over_over_TCP_leaves_every_registrar_within_keep_alive_interval_and_timeout_of_the_takeover()
    {
        await using var cluster = await Cluster.StartAsync();
        await using var pe = StartPe(0x402, cluster.AAsap);
        await cluster.AwaitCopiesAsync(0x402);

        cluster.A.Signal(kill: true);
        SendSignal(pe, "STOP");   // hung: its sockets stay open, the kernel still accepts the new home's connection
        try
        {
            var (taker, takerId) = await cluster.AwaitTakeoverAsync();
            var clock = Stopwatch.StartNew();
            foreach (var asap in cluster.Survivors)
            {
                await ResolveUntilAsync(asap, found => found.Length == 0);
            }

            var gone = clock.Elapsed;
            output.WriteLine($"hung PE unresolvable at both survivors {gone.TotalMilliseconds:F0} ms after the takeover by 0x{takerId:x8}");
            Assert.Contains(taker.Lines, line => line.Contains("PE 0x00000402 removed from EchoPool", StringComparison.Ordinal)
                && line.Contains("KeepAliveTimeout", StringComparison.Ordinal));
            // Keep-alive interval + timeout are 500 ms each (the registrar's defaults); the target is 3 s.
            Assert.True(gone < TimeSpan.FromSeconds(3), $"hung PE resolvable for {gone} after the takeover");
        }
        finally
        {
            SendSignal(pe, "CONT");
        }
    }

    // Issue 13 item 2: a hung PE keeps its TCP connection open; its home's Keep Alives go unanswered and it leaves.
    [Fact]
    public async Task A_hung_PE_leaves_its_home_registrar_within_keep_alive_interval_and_timeout()
    {
        var (registrar, asap, _) = await Cluster.StartRegistrarAsync("0xd4");
        await using var _ = registrar;
        await using var pe = StartPe(0x601, asap);
        await registrar.WaitForLineAsync("PE 0x00000601 registered in EchoPool from");
        await ResolveUntilAsync(asap, found => found.Length == 1);

        var clock = Stopwatch.StartNew();
        SendSignal(pe, "STOP");
        try
        {
            await ResolveUntilAsync(asap, found => found.Length == 0);
            var gone = clock.Elapsed;
            output.WriteLine($"hung PE unresolvable {gone.TotalMilliseconds:F0} ms after SIGSTOP (keep-alive interval + timeout: 1000 ms)");
            Assert.True(gone < TimeSpan.FromSeconds(3), $"hung PE resolvable for {gone}");
        }
        finally
        {
            SendSignal(pe, "CONT");
        }
    }

    // Issue 13 item 2: a PU in session mode (terminal) fails over from a hung PE by its own timers (shim heartbeat,
    // docs/session-shim.md §6), and no line is lost.
    [Fact]
    public async Task A_session_fails_over_from_a_hung_PE_and_every_line_is_answered()
    {
        var (registrar, asap, _) = await Cluster.StartRegistrarAsync("0xd5");
        await using var _ = registrar;
        var servers = new Dictionary<uint, RserpoolProcess>();
        try
        {
            foreach (uint id in new uint[] { 0x701, 0x702 })
            {
                servers[id] = StartPe(id, asap);
                await registrar.WaitForLineAsync($"PE 0x{id:x8} registered in EchoPool from");
            }

            var terminal = RserpoolProcess.Start("terminal", "--pool", "EchoPool", "--registrar", asap.ToString(), "--asap-announce", "off");
            await using var __ = terminal;
            var session = await terminal.WaitForLineAsync(@"session with PE 0x([0-9a-f]{8})");
            uint serving = uint.Parse(session.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture);
            const int Lines = 20;
            for (int n = 1; n <= Lines / 2; n++)
            {
                await terminal.WriteLineAsync($"line-{n:D3}");
            }

            await terminal.WaitForLineAsync($"^line-{Lines / 2:D3}$");
            var clock = Stopwatch.StartNew();
            SendSignal(servers[serving], "STOP");
            for (int n = (Lines / 2) + 1; n <= Lines; n++)
            {
                await terminal.WriteLineAsync($"line-{n:D3}");
            }

            await terminal.WaitForLineAsync("failover from PE");
            var failover = clock.Elapsed;
            await terminal.WaitForLineAsync($"^line-{Lines:D3}$");
            output.WriteLine($"session failover {failover.TotalMilliseconds:F0} ms after SIGSTOP of its PE; last line answered after {clock.ElapsedMilliseconds} ms");
            terminal.CloseInput();
            Assert.Equal(0, await terminal.WaitForExitAsync());
            var answered = terminal.LinesMatching(@"^line-\d{3}$").Distinct().ToArray();
            Assert.Equal(Enumerable.Range(1, Lines).Select(n => $"line-{n:D3}"), answered.Order());
            // Heartbeat interval 1 s + timeout 3 s (rserpool.session defaults); the margin is for a loaded machine.
            Assert.True(failover < TimeSpan.FromSeconds(8), $"failover after {failover}");
        }
        finally
        {
            foreach (var server in servers.Values)
            {
                SendSignal(server, "CONT");
                await server.DisposeAsync();
            }
        }
    }

    // Issue 13 item 2: a PE whose home hangs with nobody to take it over (no ENRP peers) notices by the missing Keep
    // Alives, probes, and moves to its next registrar long before its 30 s re-registration.
    // Issue 14: also with the registrars on the event-loop dispatcher (over TCP it is used only when named).
    [Theory]
    [InlineData("auto")]
    [InlineData("rserpool.registrar.event-loop")]
    public async Task A_PE_leaves_a_hung_home_registrar_without_waiting_for_its_re_registration(string dispatcher)
    {
        var config = Path.Combine(Path.GetTempPath(), $"rserpool-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(config, $"rserpool.registrar.dispatcher = \"{dispatcher}\"\n");
        var (home, homeAsap, _) = await Cluster.StartRegistrarAsync("0xe1", "--config", config);
        await using var _ = home;
        var (next, nextAsap, _) = await Cluster.StartRegistrarAsync("0xe2", "--config", config);
        string expected = dispatcher == "auto" ? "akka.actor.default-dispatcher" : dispatcher;   // no SCTP served here: auto = the default
        Assert.Contains(home.Lines, line => line.Contains($"(actors on dispatcher {expected})", StringComparison.Ordinal));
        await using var __ = next;
        await using var pe = StartPe(0x801, homeAsap, nextAsap);
        await home.WaitForLineAsync("PE 0x00000801 registered in EchoPool from");
        // The PE has the answer too: hung before sending it, the home would be left by the request timeout instead.
        await pe.WaitForLineAsync(@"PE 0x00000801: Registered \(home registrar 0x000000e1\)");

        var clock = Stopwatch.StartNew();
        SendSignal(home, "STOP");
        try
        {
            await next.WaitForLineAsync("PE 0x00000801 registered in EchoPool from");
            var moved = clock.Elapsed;
            output.WriteLine($"PE re-registered at its next registrar {moved.TotalMilliseconds:F0} ms after SIGSTOP of its home");
            Assert.Contains(pe.Lines, line => line.Contains("silent for", StringComparison.Ordinal));
            // home-probe-after 6 s (checked every 3 s) + request timeout 3 s; before: the 30 s re-registration.
            Assert.True(moved < TimeSpan.FromSeconds(15), $"PE moved after {moved}");
        }
        finally
        {
            SendSignal(home, "CONT");
            File.Delete(config);
        }
    }

    // Issue 13 item 2, the sequence found: registrar B hung (SIGSTOP) is taken over, its PEs move to the taker, and on
    // SIGCONT B's stale view must not remove or claim them: every registrar keeps resolving both live PEs throughout.
    [Fact]
    public async Task A_hung_registrar_is_taken_over_and_on_resuming_rejoins_without_removing_the_PEs_its_taker_supervises()
    {
        await using var cluster = await Cluster.StartAsync();
        await using var only = StartPe(0x501, cluster.BAsap);
        await using var both = StartPe(0x502, cluster.BAsap, cluster.CAsap);
        foreach (var (id, pe) in new[] { (0x501u, only), (0x502u, both) })
        {
            await cluster.B.WaitForLineAsync($"PE 0x{id:x8} registered in EchoPool from");
            await pe.WaitForLineAsync($@"PE 0x{id:x8}: Registered \(home registrar 0x000000b2\)");
            await cluster.A.WaitForLineAsync($"copy of PE 0x{id:x8} .* from registrar 0x000000b2 added");
            await cluster.C.WaitForLineAsync($"copy of PE 0x{id:x8} .* from registrar 0x000000b2 added");
        }

        var clock = Stopwatch.StartNew();
        SendSignal(cluster.B, "STOP");
        bool resumed = false;
        try
        {
            const string took = "took over 0x000000b2: now home";
            await await Task.WhenAny(cluster.A.WaitForLineAsync(took), cluster.C.WaitForLineAsync(took));
            var (taker, takerId) = cluster.A.Output.Contains(took, StringComparison.Ordinal) ? (cluster.A, 0xa1u) : (cluster.C, 0xc3u);
            output.WriteLine($"takeover of the hung registrar B by 0x{takerId:x8} {clock.ElapsedMilliseconds} ms after SIGSTOP");
            foreach (var pe in new[] { only, both })
            {
                await pe.WaitForLineAsync($"registrar 0x{takerId:x8} is the new home \\(H flag\\)");
            }

            output.WriteLine($"both PEs moved to 0x{takerId:x8} {clock.ElapsedMilliseconds} ms after SIGSTOP");
            foreach (var asap in new[] { cluster.AAsap, cluster.CAsap })
            {
                await ResolveUntilAsync(asap, found => found.Length == 2 && found.All(e => e.HomeServerIdentifier == takerId));
            }

            clock.Restart();
            SendSignal(cluster.B, "CONT");
            resumed = true;
            await ResolveUntilAsync(cluster.BAsap, found => found.Length == 2 && found.All(e => e.HomeServerIdentifier == takerId));
            output.WriteLine($"B rejoined (resolves both PEs homed at 0x{takerId:x8}) {clock.ElapsedMilliseconds} ms after SIGCONT");

            // Then, for 5 s (bounded in time and count), A and C never lose either live PE (before: gone for 23.6 s).
            using var atA = await AsapClient.ConnectAsync(cluster.AAsap);
            using var atC = await AsapClient.ConnectAsync(cluster.CAsap);
            int rounds = 0;
            while (clock.Elapsed < TimeSpan.FromSeconds(5) + TimeSpan.FromSeconds(2) && rounds < 100_000)
            {
                foreach (var pu in new[] { atA, atC })
                {
                    await pu.SendAsync(new AsapHandleResolution(Pool, 16));
                    var response = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
                    Assert.Equal([0x501u, 0x502u], response.PoolElements.Select(e => e.Identifier).Order().ToArray());
                }

                rounds++;
            }

            output.WriteLine($"{rounds} resolution rounds at A and C after SIGCONT: both PEs always present");
            // B learnt that it was taken over (RFC 5353 §3.5.2) rather than finding it out from its PEs' lost associations.
            await cluster.B.WaitForLineAsync($"0x{takerId:x8} took this registrar over while it was silent");
            Assert.DoesNotContain(cluster.B.Lines, line => line.Contains("took over 0x000000a1", StringComparison.Ordinal)
                || line.Contains("took over 0x000000c3", StringComparison.Ordinal));
        }
        finally
        {
            if (!resumed)
            {
                SendSignal(cluster.B, "CONT");
            }
        }
    }

    private static RserpoolProcess StartPe(uint identifier, params IPEndPoint[] registrars) =>
        RserpoolProcess.Start(["server", "--pool", "EchoPool", "--service", "echo", "--asap-announce", "off", "--local", "127.0.0.1:0",
            "--identifier", $"0x{identifier:x}", .. registrars.SelectMany(registrar => new[] { "--registrar", registrar.ToString() })]);

    // SIGSTOP/SIGCONT to a process this test started, by its PID.
    private static void SendSignal(RserpoolProcess process, string signal)
    {
        using var kill = Process.Start("kill", [$"-{signal}", process.Id.ToString(CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    // Resolves until the answer satisfies the condition, one request in flight; bounded by 10 s and 100,000 attempts.
    internal static async Task<PoolElement[]> ResolveUntilAsync(IPEndPoint asap, Func<PoolElement[], bool> condition)
    {
        using var pu = await AsapClient.ConnectAsync(asap);
        PoolElement[] elements = [];
        var clock = Stopwatch.StartNew();
        for (int attempt = 0; attempt < 100_000 && clock.Elapsed < TimeSpan.FromSeconds(10); attempt++)
        {
            await pu.SendAsync(new AsapHandleResolution(Pool, 16));
            var response = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
            if (response.Error is { } error && !error.Causes.Any(c => c.Code == ErrorCauseCode.UnknownPoolHandle))
            {
                continue;   // refused (e.g. a rate limit): not an answer about the pool
            }

            elements = response.Error is null ? response.PoolElements.ToArray() : [];   // unknown pool: no PE left
            if (condition(elements))
            {
                return elements;
            }
        }

        throw new TimeoutException($"{asap}: resolution never satisfied the condition; last {string.Join(", ", elements.Select(e => $"0x{e.Identifier:x8}@0x{e.HomeServerIdentifier:x8}"))}");
    }

    /// <summary>Registrars A (0xa1), B (0xb2) and C (0xc3), fully peered; keep-alive interval and timeout at their 500 ms defaults.</summary>
    private sealed class Cluster : IAsyncDisposable
    {
        private Cluster(RserpoolProcess a, IPEndPoint aAsap, RserpoolProcess b, IPEndPoint bAsap, RserpoolProcess c, IPEndPoint cAsap)
        {
            (A, AAsap, B, BAsap, C, CAsap) = (a, aAsap, b, bAsap, c, cAsap);
        }

        public RserpoolProcess A { get; }

        public IPEndPoint AAsap { get; }

        public RserpoolProcess B { get; }

        public IPEndPoint BAsap { get; }

        public RserpoolProcess C { get; }

        public IPEndPoint CAsap { get; }

        public IPEndPoint[] Survivors => [BAsap, CAsap];

        public static async Task<Cluster> StartAsync()
        {
            var (a, aAsap, aEnrp) = await StartRegistrarAsync("0xa1");
            var (b, bAsap, bEnrp) = await StartRegistrarAsync("0xb2", "--peer", aEnrp.ToString());
            var (c, cAsap, _) = await StartRegistrarAsync("0xc3", "--peer", aEnrp.ToString(), "--peer", bEnrp.ToString());
            var cluster = new Cluster(a, aAsap, b, bAsap, c, cAsap);
            await a.WaitForLineAsync("new ENRP peer 0x000000c3");
            await b.WaitForLineAsync("new ENRP peer 0x000000c3");
            return cluster;
        }

        public static async Task<(RserpoolProcess Process, IPEndPoint Asap, IPEndPoint Enrp)> StartRegistrarAsync(string serverId, params string[] extra)
        {
            var process = RserpoolProcess.Start(["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0",
                "--server-id", serverId, "--log-level", "debug",
                // These tests resolve as fast as answers come, to time each change: no rate limits.
                "--max-hr-rate", "0", "--max-hr-rate-per-host", "0", .. extra]);
            var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+), ENRP on TCP 127\.0\.0\.1:(\d+)");
            return (process,
                new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, CultureInfo.InvariantCulture)),
                new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[2].Value, CultureInfo.InvariantCulture)));
        }

        public async Task AwaitCopiesAsync(uint identifier)
        {
            await A.WaitForLineAsync($"PE 0x{identifier:x8} registered in EchoPool from");
            await B.WaitForLineAsync($"copy of PE 0x{identifier:x8} .* from registrar 0x000000a1 added");
            await C.WaitForLineAsync($"copy of PE 0x{identifier:x8} .* from registrar 0x000000a1 added");
        }

        public async Task<(RserpoolProcess Taker, uint TakerId)> AwaitTakeoverAsync()
        {
            const string took = "took over 0x000000a1: now home";
            await await Task.WhenAny(B.WaitForLineAsync(took), C.WaitForLineAsync(took));
            return B.Output.Contains(took, StringComparison.Ordinal) ? (B, 0xb2u) : (C, 0xc3u);
        }

        public async ValueTask DisposeAsync()
        {
            await A.DisposeAsync();
            await B.DisposeAsync();
            await C.DisposeAsync();
        }
    }
}

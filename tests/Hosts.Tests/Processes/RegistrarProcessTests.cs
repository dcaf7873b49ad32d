using System.Net;
using System.Text.RegularExpressions;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>The real <c>rserpool registrar</c> process on loopback: start-up, ASAP over TCP, clean shutdown, exit codes.</summary>
public sealed class RegistrarProcessTests
{
    private static async Task<(RserpoolProcess Process, IPEndPoint AsapEndPoint)> StartRegistrarAsync(params string[] extra)
    {
        var process = RserpoolProcess.Start(["registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0", .. extra]);
        var ready = await process.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+)");
        return (process, new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));
    }

    private static AsapRegistration Registration(uint id, ushort port) => new(
        PoolHandle.FromString("EchoPool"),
        new PoolElement(id, 0, 90000, new TcpTransport(port, TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin()));

    [Fact]
    public async Task Registers_and_resolves_over_tcp_then_shuts_down_cleanly_on_sigterm()
    {
        var (registrar, endPoint) = await StartRegistrarAsync("--keep-alive-interval", "30s");
        await using var _ = registrar;
        using var pe = await AsapClient.ConnectAsync(endPoint);
        using var pu = await AsapClient.ConnectAsync(endPoint);

        await pe.SendAsync(Registration(0x1a2b3c4d, 7001));
        var response = Assert.IsType<AsapRegistrationResponse>(await pe.ReceiveAsync());
        Assert.False(response.Rejected);
        Assert.Equal(0x1a2b3c4du, response.PoolElementIdentifier);

        await pu.SendAsync(new AsapHandleResolution(PoolHandle.FromString("EchoPool")));
        var resolution = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
        var element = Assert.Single(resolution.PoolElements);
        Assert.Equal(0x1a2b3c4du, element.Identifier);
        Assert.Equal((ushort)7001, element.UserTransport.Port);

        registrar.Signal();
        // The coordinated shutdown closes every association before the process ends.
        await pe.WaitUntilClosedAsync();
        await pu.WaitUntilClosedAsync();
        Assert.Equal(0, await registrar.WaitForExitAsync());
        Assert.Contains("shutting down", registrar.Output);
    }

    // RFC 5353 §3.2 and docs/protocol-notes.md §10: the ENRP startup phase (waiting for a mentor) holds back only the
    // announcements; ASAP is served from the moment its listener is bound, as RSPLIB does (issue 14: RSPLIB's PEs give
    // up on a registration after 3 s).
    [Fact]
    public async Task A_registration_sent_as_soon_as_the_asap_listener_opens_is_answered_while_enrp_is_still_starting_up()
    {
        using var config = Config.TestConfig.File("rserpool.registrar.enrp.mentor-discovery-timeout = 60s");
        var registrar = RserpoolProcess.Start("registrar", "--config", config.Path, "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "127.0.0.1:0");
        await using var _ = registrar;
        var serving = await registrar.WaitForLineAsync(@"serving ASAP on TCP 127\.0\.0\.1:(\d+)");
        using var pe = await AsapClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, int.Parse(serving.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)));

        await pe.SendAsync(Registration(0x3c4d5e6f, 7005));

        var response = Assert.IsType<AsapRegistrationResponse>(await pe.ReceiveAsync());
        Assert.False(response.Rejected);
        Assert.Equal(0x3c4d5e6fu, response.PoolElementIdentifier);
        Assert.Empty(registrar.LinesMatching("ENRP startup phase over"));
        // Where the start-up went (src/Hosts/Hosting/StartupTimeline.cs; read by the startup harness).
        await registrar.WaitForLineAsync(@"start-up: \d+ ms since Main \(.*configuration \d+, .*actor system \d+, .*JIT \d+ methods in \d+ ms\)");
    }

    [SigintFact]
    public async Task Ctrl_c_runs_the_same_clean_shutdown_and_exits_0()
    {
        var (registrar, endPoint) = await StartRegistrarAsync();
        await using var _ = registrar;
        using var pe = await AsapClient.ConnectAsync(endPoint);
        await pe.SendAsync(Registration(0x2b3c4d5e, 7003));
        Assert.False(Assert.IsType<AsapRegistrationResponse>(await pe.ReceiveAsync()).Rejected);

        registrar.Interrupt();
        await pe.WaitUntilClosedAsync();
        Assert.Equal(0, await registrar.WaitForExitAsync());
        Assert.Single(registrar.LinesMatching("rserpool-registrar: shutting down"));
    }

    // The console format of hocon/reference.conf's Serilog pipeline (src/Hosts/HostLogging.cs): date and time with the
    // UTC offset, level, message, then the other properties; an actor's line carries its path, a host line none;
    // Akka's own INFO lines stay out.
    [Fact]
    public async Task Log_lines_keep_their_format_and_akkas_own_chatter_stays_below_info()
    {
        var (registrar, endPoint) = await StartRegistrarAsync("--server-id", "0xabc");
        await using var _ = registrar;
        registrar.Signal();
        Assert.Equal(0, await registrar.WaitForExitAsync());

        var lines = registrar.Lines;
        Assert.All(lines, line => Assert.Matches(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}[+-]\d\d:\d\d \[(INF|WRN|ERR)\] .* (\{\}|\{""ActorPath"": ""akka://rserpool-registrar/[^""]*""\})$", line));
        string ready = $@"^\d{{4}}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{{3}}[+-]\d\d:\d\d \[INF\] registrar 0x00000abc ready: ASAP on TCP {Regex.Escape(endPoint.ToString())}, ENRP on TCP 127\.0\.0\.1:\d+ \{{\}}$";
        Assert.Single(lines, line => Regex.IsMatch(line, ready));
        Assert.Contains(lines, line => line.Contains($"[INF] registrar 0x00000abc serving ASAP on TCP {endPoint} (actors on dispatcher akka.actor.default-dispatcher) {{\"ActorPath\": \"akka://rserpool-registrar/user/registrar\"}}", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, line => line.Contains("CoordinatedShutdown", StringComparison.Ordinal) || line.Contains("SerilogLogger", StringComparison.Ordinal)
            || line.Contains("dead letters", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task A_config_file_tunes_akka_itself_and_serilog_level_names_are_taken()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rserpool-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, "akka.loglevel = \"Debug\"\n");
        try
        {
            var (registrar, _) = await StartRegistrarAsync("--config", file);
            await using var __ = registrar;
            registrar.Signal();
            Assert.Equal(0, await registrar.WaitForExitAsync());
            // At DEBUG, Akka's own events reach the console too (the coordinated shutdown's phases).
            Assert.Contains(registrar.Lines, line => line.Contains("[DBG]", StringComparison.Ordinal) && line.Contains("phase", StringComparison.OrdinalIgnoreCase));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_bad_config_file_exits_2_naming_the_file_the_line_and_the_key()
    {
        var file = Path.Combine(Path.GetTempPath(), $"rserpool-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(file, "rserpool.registrar {\n  asap = 127.0.0.1:3863\n}\n");
        var typo = Path.Combine(Path.GetTempPath(), $"rserpool-{Guid.NewGuid():N}.conf");
        await File.WriteAllTextAsync(typo, "rserpool.registrar.keep-alive-interval = soon\n");
        try
        {
            await using var unquoted = RserpoolProcess.Start("registrar", "--config", file);
            Assert.Equal(2, await unquoted.WaitForExitAsync());
            Assert.Contains($"{file}: line 2: a value of 'rserpool.registrar.asap' holds an unquoted ':'", unquoted.Output, StringComparison.Ordinal);

            await using var badValue = RserpoolProcess.Start("registrar", "--config", typo);
            Assert.Equal(2, await badValue.WaitForExitAsync());
            Assert.Contains($"configuration key 'rserpool.registrar.keep-alive-interval' must be a duration such as 500ms or 5s, not 'soon' (set in {typo})", badValue.Output, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
            File.Delete(typo);
        }
    }

    [Fact]
    public async Task A_pe_that_does_not_answer_keep_alives_is_removed_after_interval_plus_timeout()
    {
        var (registrar, endPoint) = await StartRegistrarAsync("--keep-alive-interval", "200ms", "--keep-alive-timeout", "200ms", "--log-level", "debug");
        await using var _ = registrar;
        using var pe = await AsapClient.ConnectAsync(endPoint);
        await pe.SendAsync(Registration(0x5e6f7081, 7002));
        Assert.False(Assert.IsType<AsapRegistrationResponse>(await pe.ReceiveAsync()).Rejected);

        var keepAlive = Assert.IsType<AsapEndpointKeepAlive>(await pe.ReceiveAsync(keepAlives: true));
        Assert.Equal(0x5e6f7081u, keepAlive.PoolElementIdentifier);
        Assert.False(keepAlive.HomeFlag);

        // No Ack: the registrar removes the PE; a PU then finds no pool.
        await registrar.WaitForLineAsync("5e6f7081.*(removed|timed out|keep-alive)");
        using var pu = await AsapClient.ConnectAsync(endPoint);
        await pu.SendAsync(new AsapHandleResolution(PoolHandle.FromString("EchoPool")));
        var resolution = Assert.IsType<AsapHandleResolutionResponse>(await pu.ReceiveAsync());
        Assert.Empty(resolution.PoolElements);
        Assert.Equal(Wire.Errors.ErrorCauseCode.UnknownPoolHandle, Assert.Single(resolution.Error!.Causes).Code);
    }

    [Fact]
    public async Task A_busy_port_exits_with_1_and_a_bad_flag_with_2()
    {
        var (first, endPoint) = await StartRegistrarAsync();
        await using var _ = first;

        await using var second = RserpoolProcess.Start("registrar", "--asap", endPoint.ToString(), "--asap-announce", "off");
        Assert.Equal(1, await second.WaitForExitAsync());
        Assert.Contains("cannot", second.Output);

        await using var third = RserpoolProcess.Start("registrar", "--asap", "not-an-address");
        Assert.Equal(2, await third.WaitForExitAsync());
        Assert.Contains("rserpool.registrar.asap: 'not-an-address' is not an address:port", third.Output, StringComparison.Ordinal);
        Assert.Contains("(set by --asap)", third.Output, StringComparison.Ordinal);
    }
}

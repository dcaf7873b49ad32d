using System.Net;
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
        Assert.Equal(0, await registrar.WaitForExitAsync());
        Assert.Contains("shutting down", registrar.Output);
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
    }
}

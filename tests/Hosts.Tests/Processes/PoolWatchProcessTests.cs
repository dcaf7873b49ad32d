using System.Net;
using Akka.Actor;
using Akka.Configuration;
using RSerPool.Actors.Api;
using RSerPool.Actors.Configuration;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Hosts.Tests.Support;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Processes;

/// <summary>
/// Issue 15 item 4: <c>rserpool monitor --watch-pool</c> joins a registrar's cluster as a client and prints
/// the pool's members, then each change its home registrar publishes (docs/cluster.md "Membership watch").
/// </summary>
public sealed class PoolWatchProcessTests
{
    private static AsapRegistration Registration(uint id) => new(
        PoolHandle.FromString("EchoPool"),
        new PoolElement(id, 0, 90000, new TcpTransport(7001, TransportUse.DataOnly, [IPAddress.Loopback]), PoolMemberSelectionPolicy.RoundRobin()));

    // The registrar node runs in this process (an ActorSystem named as cluster mode names it, with the registrar role):
    // the monitor process joins it as a client.
    [Fact]
    public async Task The_monitor_prints_the_members_then_each_change_of_the_watched_pool()
    {
        using var node = ActorSystem.Create("rserpool", ConfigurationFactory.ParseString("""
            akka.actor.provider = cluster
            akka.remote.dot-netty.tcp { hostname = "127.0.0.1", port = 0 }
            akka.cluster.roles = ["registrar"]
            akka.loglevel = WARNING
            """).WithFallback(RSerPoolConfig.ClusterSerialization).WithFallback(RSerPoolConfig.Library));
        var cluster = Akka.Cluster.Cluster.Get(node);
        cluster.Join(cluster.SelfAddress);
        var settings = new RegistrarSettings
        {
            ServerId = 0x0a0a_0001,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            KeepAliveInterval = TimeSpan.FromMinutes(5),
            KeepAliveTimeout = TimeSpan.FromMinutes(5),
        };
        var asap = (await RSerPoolExtension.Get(node).StartRegistrarAsync(settings)).Started.AsapEndPoint;
        using var pe1 = await AsapClient.ConnectAsync(asap);
        await pe1.SendAsync(Registration(0x0000_0001));
        Assert.False(Assert.IsType<AsapRegistrationResponse>(await pe1.ReceiveAsync()).Rejected);

        var monitor = RserpoolProcess.Start("monitor", "--watch-pool", "EchoPool", "--cluster", "127.0.0.1:0", "--seed", $"127.0.0.1:{cluster.SelfAddress.Port}",
            "--count", "2");
        await using var _ = monitor;
        await monitor.WaitForLineAsync(@"^pool EchoPool: 1 PE\(s\)");
        await monitor.WaitForLineAsync(@"^  PE 0x00000001 home 0x0a0a0001 TCP 127\.0\.0\.1 port 7001  RoundRobin");

        using var pe2 = await AsapClient.ConnectAsync(asap);
        await pe2.SendAsync(Registration(0x0000_0002));
        Assert.False(Assert.IsType<AsapRegistrationResponse>(await pe2.ReceiveAsync()).Rejected);
        // Registered when the event reached the monitor, Resynchronized when its subscription was not yet known at the
        // registrar's node and the periodic check found the PE (docs/cluster.md "Membership watch").
        await monitor.WaitForLineAsync(@"^\+ added \((Registered|Resynchronized)\): PE 0x00000002 home 0x0a0a0001 ");

        await pe1.SendAsync(new AsapDeregistration(PoolHandle.FromString("EchoPool"), 0x0000_0001));
        Assert.IsType<AsapDeregistrationResponse>(await pe1.ReceiveAsync());
        await monitor.WaitForLineAsync(@"^- removed \((Deregistered|Resynchronized)\): PE 0x00000001 ");

        Assert.Equal(0, await monitor.WaitForExitAsync());   // --count 2
        await node.Terminate();
    }

    // Both real processes: `rserpool registrar --cluster` publishes, `rserpool monitor --watch-pool` joins and prints.
    [Fact]
    public async Task The_monitor_follows_a_pool_of_a_registrar_process_in_cluster_mode()
    {
        var registrar = RserpoolProcess.Start("registrar", "--asap", "127.0.0.1:0", "--asap-announce", "off", "--enrp", "off",
            "--keep-alive-interval", "30s", "--server-id", "0x0c0c0003", "--cluster", "127.0.0.1:0");
        await using var _ = registrar;
        var ready = await registrar.WaitForLineAsync(@"ready: ASAP on TCP 127\.0\.0\.1:(\d+)");
        var asap = new IPEndPoint(IPAddress.Loopback, int.Parse(ready.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var address = await registrar.WaitForLineAsync(@"in cluster mode: akka\.tcp://[^@]+@127\.0\.0\.1:(\d+)");

        var monitor = RserpoolProcess.Start("monitor", "--watch-pool", "EchoPool", "--cluster", "127.0.0.1:0", "--seed", $"127.0.0.1:{address.Groups[1].Value}",
            "--count", "1");
        await using var __ = monitor;
        await monitor.WaitForLineAsync(@"^pool EchoPool: 0 PE\(s\)");
        using var pe = await AsapClient.ConnectAsync(asap);
        await pe.SendAsync(Registration(0x0000_0007));
        Assert.False(Assert.IsType<AsapRegistrationResponse>(await pe.ReceiveAsync()).Rejected);

        await monitor.WaitForLineAsync(@"^\+ added \((Registered|Resynchronized)\): PE 0x00000007 home 0x0c0c0003 ");
        Assert.Equal(0, await monitor.WaitForExitAsync());
    }

    [Fact]
    public async Task Watching_a_pool_without_a_cluster_endpoint_and_seed_is_a_usage_error()
    {
        var monitor = RserpoolProcess.Start("monitor", "--watch-pool", "EchoPool");
        await using var _ = monitor;
        Assert.Equal(2, await monitor.WaitForExitAsync());
        Assert.Contains("--cluster HOST:PORT", monitor.Output);
    }
}

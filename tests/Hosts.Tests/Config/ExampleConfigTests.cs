using RSerPool.Hosts.Config;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>The example files of hocon/examples stay valid: each loads over the reference and gives the settings it says.</summary>
public sealed class ExampleConfigTests
{
    private static string Example(string name) =>
        Path.Combine(AppContext.BaseDirectory, "examples", name);

    [Fact]
    public void The_registrar_peer_example_sets_endpoints_and_peers()
    {
        var settings = RegistrarConfig.Read(HoconConfig.Load([Example("registrar-peer.conf")]));
        Assert.Equal("127.0.0.1:3863", settings.AsapEndPoint.ToString());
        Assert.Null(settings.AsapSctpEndPoint);
        Assert.False(settings.AsapAnnounce.Enabled);
        var enrp = Assert.IsType<RSerPool.Actors.Enrp.EnrpSettings>(settings.Enrp);
        Assert.Equal(["127.0.0.1:9911", "127.0.0.1:9921"], enrp.Peers.Select(p => p.ToString()));
    }

    [Fact]
    public void The_rsplib_example_serves_both_transports_with_rsplibs_timers_and_a_status_endpoint()
    {
        var config = HoconConfig.Load([Example("registrar-rsplib.conf")]);
        var settings = RegistrarConfig.Read(config);
        Assert.True(settings.AsapSctpOnTcpEndPoint);
        Assert.Equal("127.0.0.1:8099", RegistrarConfig.ReadStatusEndPoint(config)?.ToString());
        var enrp = Assert.IsType<RSerPool.Actors.Enrp.EnrpSettings>(settings.Enrp);
        Assert.Same(RSerPool.Actors.Enrp.TcpEnrpTransport.Instance, enrp.Transport);
        Assert.Equal(TimeSpan.FromMilliseconds(2444), enrp.PeerHeartbeatCycle);
        Assert.Equal(TimeSpan.FromSeconds(5), enrp.MaxTimeLastHeard);
        Assert.Equal(["239.0.0.51:9901"], enrp.PresenceTargets.Select(t => t.ToString()));
    }

    [Fact]
    public void The_server_example_sets_registrars_and_reregistration()
    {
        var config = HoconConfig.Load([Example("server-echo.conf")]);
        var node = NodeConfig.Read(config);
        Assert.Equal(["127.0.0.1:3863", "127.0.0.1:3873"], node.RegistrarClient.StaticRegistrars.Select(r => r.ToString()));
        Assert.Null(node.RegistrarClient.AnnounceListenEndPoint);
        var pe = NodeConfig.ReadPoolElement(config, RSerPool.Wire.Parameters.PoolHandle.FromString("EchoPool"),
            new RSerPool.Wire.Parameters.TcpTransport(7, RSerPool.Wire.Parameters.TransportUse.DataOnly, [System.Net.IPAddress.Loopback]));
        Assert.Equal(TimeSpan.FromSeconds(10), pe.ReregistrationInterval);
    }

    [Fact]
    public void The_terminal_example_sets_announces_cache_and_heartbeat()
    {
        var config = HoconConfig.Load([Example("terminal.conf")]);
        var node = NodeConfig.Read(config);
        Assert.Equal("239.0.0.50:3863", node.RegistrarClient.AnnounceListenEndPoint?.ToString());
        Assert.Equal(TimeSpan.FromSeconds(5), node.PoolUser.StaleCacheTime);
        var session = NodeConfig.ReadSession(config);
        Assert.Equal(TimeSpan.FromMilliseconds(500), session.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), session.HeartbeatTimeout);
    }
}

using Akka.Actor;
using RSerPool.Actors.Configuration;
using RSerPool.Actors.Enrp;
using RSerPool.Hosts.Config;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>
/// The example files of hocon/examples stay valid: each loads as a host loads a --config file (Akka's parser, after the
/// pitfall check) and gives the settings it says; each starts an actor system.
/// </summary>
public sealed class ExampleConfigTests
{
    public static TheoryData<string> Examples => new(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.conf").Select(Path.GetFileName)!);

    private static string Example(string name) =>
        Path.Combine(AppContext.BaseDirectory, "examples", name);

    [Fact]
    public void The_registrar_peer_example_sets_endpoints_and_peers()
    {
        var settings = HostConfig.Load([Example("registrar-peer.conf")]).Read(RegistrarConfig.Read);
        Assert.Equal("127.0.0.1:3863", settings.AsapEndPoint.ToString());
        Assert.Null(settings.AsapSctpEndPoint);
        Assert.False(settings.AsapAnnounce.Enabled);
        var enrp = Assert.IsType<EnrpSettings>(settings.Enrp);
        Assert.Equal(["127.0.0.1:9911", "127.0.0.1:9921"], enrp.Peers.Select(p => p.ToString()));
    }

    [Fact]
    public void The_rsplib_example_serves_both_transports_with_rsplibs_timers_and_a_status_endpoint()
    {
        var config = HostConfig.Load([Example("registrar-rsplib.conf")]);
        var settings = config.Read(RegistrarConfig.Read);
        Assert.True(settings.AsapSctpOnTcpEndPoint);
        Assert.Equal("127.0.0.1:8099", config.Read(RegistrarConfig.ReadStatusEndPoint)?.ToString());
        var enrp = Assert.IsType<EnrpSettings>(settings.Enrp);
        Assert.Same(TcpEnrpTransport.Instance, enrp.Transport);
        Assert.Equal(TimeSpan.FromMilliseconds(2444), enrp.PeerHeartbeatCycle);
        Assert.Equal(TimeSpan.FromSeconds(5), enrp.MaxTimeLastHeard);
        Assert.Equal(["239.0.0.51:9901"], enrp.PresenceTargets.Select(t => t.ToString()));
    }

    [Fact]
    public void The_server_example_sets_registrars_reregistration_and_an_akka_log_level()
    {
        var config = HostConfig.Load([Example("server-echo.conf")]);
        var node = config.Read(NodeConfig.Read);
        Assert.Equal(["127.0.0.1:3863", "127.0.0.1:3873"], node.RegistrarClient.StaticRegistrars.Select(r => r.ToString()));
        Assert.Null(node.RegistrarClient.AnnounceListenEndPoint);
        var pe = config.Read(c => NodeConfig.ReadPoolElement(c, PoolHandle.FromString("EchoPool"),
            new TcpTransport(7, TransportUse.DataOnly, [System.Net.IPAddress.Loopback])));
        Assert.Equal(TimeSpan.FromSeconds(10), pe.ReregistrationInterval);
        Assert.Equal("INFO", config.Config.GetString("akka.loglevel"));
    }

    [Fact]
    public void The_terminal_example_sets_announces_cache_and_heartbeat()
    {
        var config = HostConfig.Load([Example("terminal.conf")]);
        var node = config.Read(NodeConfig.Read);
        Assert.Equal("239.0.0.50:3863", node.RegistrarClient.AnnounceListenEndPoint?.ToString());
        Assert.Equal(TimeSpan.FromSeconds(5), node.PoolUser.StaleCacheTime);
        var session = config.Read(NodeConfig.ReadSession);
        Assert.Equal(TimeSpan.FromMilliseconds(500), session.HeartbeatInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(1500), session.HeartbeatTimeout);
    }

    [Theory]
    [MemberData(nameof(Examples))]
    public async Task Every_example_has_no_pitfall_and_starts_an_actor_system(string name)
    {
        Assert.Null(HoconPitfalls.Find(await File.ReadAllTextAsync(Example(name))));
        var system = ActorSystem.Create("example", HostConfig.Load([Example(name)]).Config);
        try
        {
            Assert.Equal(Akka.Event.LogLevel.InfoLevel, system.EventStream.LogLevel);
        }
        finally
        {
            await system.Terminate();
        }
    }

    [Fact]
    public void The_reference_configuration_has_no_pitfall_and_quotes_every_address()
    {
        Assert.Null(HoconPitfalls.Find(RSerPoolConfig.DefaultText));
    }
}

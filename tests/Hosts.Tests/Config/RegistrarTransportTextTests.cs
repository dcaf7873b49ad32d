using RSerPool.Actors.Enrp;
using RSerPool.Actors.PoolElements;
using RSerPool.Hosts.Config;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>rserpool.registrar-client.transport and rserpool.server.transport: tcp (default), sctp, auto.</summary>
public sealed class RegistrarTransportTextTests
{
    [Fact]
    public void Tcp_and_sctp_pick_their_connector_and_auto_follows_the_kernel()
    {
        Assert.Same(TcpRegistrarConnector.Instance, RegistrarTransportText.Parse("tcp", sctpAvailable: true, "t"));
        Assert.Same(SctpRegistrarConnector.Instance, RegistrarTransportText.Parse("SCTP", sctpAvailable: false, "t"));
        Assert.Same(SctpRegistrarConnector.Instance, RegistrarTransportText.Parse("auto", sctpAvailable: true, "t"));
        Assert.Same(TcpRegistrarConnector.Instance, RegistrarTransportText.Parse("auto", sctpAvailable: false, "t"));
        Assert.True(RegistrarTransportText.IsSctp("auto", sctpAvailable: true, "t"));
        Assert.False(RegistrarTransportText.IsSctp("tcp", sctpAvailable: true, "t"));
    }

    [Fact]
    public void An_unknown_transport_is_a_configuration_error_naming_the_key()
    {
        var error = Assert.Throws<HoconException>(() => RegistrarTransportText.Parse("udp", sctpAvailable: true, "rserpool.registrar-client.transport"));
        Assert.Contains("rserpool.registrar-client.transport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_configuration_keeps_tcp_towards_registrars()
    {
        var options = NodeConfig.Read(HoconConfig.Load([]));
        Assert.Same(TcpRegistrarConnector.Instance, options.Connector);
        var sctp = NodeConfig.Read(HoconConfig.Load([]).With("rserpool.registrar-client.transport", "sctp"));
        Assert.Same(SctpRegistrarConnector.Instance, sctp.Connector);
    }

    [Fact]
    public void The_registrar_s_enrp_transport_is_tcp_unless_sctp_is_asked()
    {
        Assert.Same(TcpEnrpTransport.Instance, RegistrarConfig.ReadEnrp(HoconConfig.Load([]))!.Transport);
        var sctp = RegistrarConfig.ReadEnrp(HoconConfig.Load([]).With("rserpool.registrar.enrp.transport", "sctp"));
        Assert.Same(SctpEnrpTransport.Instance, sctp!.Transport);
        Assert.Throws<HoconException>(() => RegistrarConfig.ReadEnrp(HoconConfig.Load([]).With("rserpool.registrar.enrp.transport", "udp")));
    }
}

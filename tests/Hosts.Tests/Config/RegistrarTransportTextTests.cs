using RSerPool.Actors.Enrp;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Actors.Configuration;
using Xunit;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>rserpool.registrar-client.transport and rserpool.server.transport: tcp (default), sctp, auto.</summary>
public sealed class RegistrarTransportTextTests
{
    [Fact]
    public void Tcp_and_sctp_pick_their_connector_and_auto_follows_the_kernel()
    {
        Assert.Same(TcpRegistrarConnector.Instance, RegistrarTransportText.Parse("tcp", sctpAvailable: true, "t"));
        Assert.Same(SctpRegistrarConnector.Instance, RegistrarTransportText.Parse("SCTP", sctpAvailable: false, "t"));
        Assert.Same(AutoRegistrarConnector.Instance, RegistrarTransportText.Parse("auto", sctpAvailable: true, "t"));
        Assert.Same(TcpRegistrarConnector.Instance, RegistrarTransportText.Parse("auto", sctpAvailable: false, "t"));
        Assert.True(RegistrarTransportText.IsSctp("auto", sctpAvailable: true, "t"));
        Assert.False(RegistrarTransportText.IsSctp("tcp", sctpAvailable: true, "t"));
    }

    [Fact]
    public void An_unknown_transport_is_a_configuration_error_naming_the_key()
    {
        var error = Assert.Throws<RSerPoolConfigException>(() => RegistrarTransportText.Parse("udp", sctpAvailable: true, "rserpool.registrar-client.transport"));
        Assert.Contains("rserpool.registrar-client.transport", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_reference_configuration_uses_sctp_towards_registrars_where_the_kernel_has_it()
    {
        var options = NodeConfig.Read(TestConfig.Reference);
        Assert.Same(SctpSupport.IsAvailable ? AutoRegistrarConnector.Instance : TcpRegistrarConnector.Instance, options.Connector);
        var tcp = NodeConfig.Read(TestConfig.With("rserpool.registrar-client.transport = tcp"));
        Assert.Same(TcpRegistrarConnector.Instance, tcp.Connector);
        var sctp = NodeConfig.Read(TestConfig.With("rserpool.registrar-client.transport = sctp"));
        Assert.Same(SctpRegistrarConnector.Instance, sctp.Connector);
        Assert.Equal("auto", TestConfig.Reference.GetString("rserpool.server.transport"));
    }

    [Fact]
    public void The_registrar_serves_enrp_over_tcp_and_over_sctp_too_where_the_kernel_has_it()
    {
        Assert.Equal((TcpEnrpTransport.Instance, SctpEnrpTransport.Instance), RegistrarConfig.ReadEnrpTransport("auto", sctpAvailable: true, "t"));
        Assert.Equal((TcpEnrpTransport.Instance, null), RegistrarConfig.ReadEnrpTransport("auto", sctpAvailable: false, "t"));
        Assert.Equal((TcpEnrpTransport.Instance, null), RegistrarConfig.ReadEnrpTransport("TCP", sctpAvailable: true, "t"));
        Assert.Equal((SctpEnrpTransport.Instance, null), RegistrarConfig.ReadEnrpTransport("sctp", sctpAvailable: false, "t"));

        var byDefault = RegistrarConfig.ReadEnrp(TestConfig.Reference)!;
        Assert.Same(TcpEnrpTransport.Instance, byDefault.Transport);
        Assert.Equal(SctpSupport.IsAvailable ? SctpEnrpTransport.Instance : null, byDefault.AdditionalTransport);
        var sctp = RegistrarConfig.ReadEnrp(TestConfig.With("rserpool.registrar.enrp.transport = sctp"));
        Assert.Same(SctpEnrpTransport.Instance, sctp!.Transport);
        Assert.Null(sctp.AdditionalTransport);
        Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.ReadEnrp(TestConfig.With("rserpool.registrar.enrp.transport = udp")));
    }
}

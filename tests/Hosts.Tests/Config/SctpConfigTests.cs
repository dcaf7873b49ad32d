using RSerPool.Actors.Session;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Actors.Configuration;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>rserpool.sctp.* reaches every SCTP user: registrar ASAP and ENRP, registrar client, sessions.</summary>
public sealed class SctpConfigTests
{
    [Fact]
    public void The_reference_values_reach_every_role_and_keep_each_protocols_ppid()
    {
        var config = TestConfig.Reference;
        var registrar = RegistrarConfig.Read(config);
        var node = NodeConfig.Read(config);
        var session = NodeConfig.ReadSession(config);

        Assert.Equal(TimeSpan.FromMilliseconds(200), registrar.AsapSctp.PollInterval);
        Assert.Equal(512, registrar.AsapSctp.ListenBacklog);
        Assert.Equal(SctpPayloadProtocol.Asap, registrar.AsapSctp.PayloadProtocolId);
        Assert.Equal(SctpPayloadProtocol.Enrp, registrar.Enrp!.Sctp.PayloadProtocolId);
        Assert.True(registrar.Enrp.Sctp.ReusePort);
        Assert.Equal(SctpPayloadProtocol.Asap, node.RegistrarClient.Sctp.PayloadProtocolId);
        Assert.Equal(512, session.Sctp.ListenBacklog);
    }

    [Fact]
    public void Set_values_reach_every_role()
    {
        var config = TestConfig.With("rserpool.sctp { poll-interval = 50ms, listen-backlog = 64 }");
        var registrar = RegistrarConfig.Read(config);

        Assert.Equal(TimeSpan.FromMilliseconds(50), registrar.AsapSctp.PollInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(50), registrar.Enrp!.Sctp.PollInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(50), NodeConfig.Read(config).RegistrarClient.Sctp.PollInterval);
        Assert.Equal(TimeSpan.FromMilliseconds(50), NodeConfig.ReadSession(config).Sctp.PollInterval);
        Assert.Equal(64, registrar.AsapSctp.ListenBacklog);
        Assert.Equal(64, NodeConfig.ReadSession(config).Sctp.ListenBacklog);
    }

    [Fact]
    public void The_pe_server_uses_a_one_to_many_socket_unless_configured_one_to_one()
    {
        var reference = TestConfig.Reference;
        Assert.Equal(SctpSocketStyle.OneToMany, SctpConfig.ApplyServer(reference, SctpSessionSettings.Default).SocketStyle);

        var config = TestConfig.With("rserpool.server.sctp-style = one-to-one\nrserpool.sctp.listen-backlog = 64");
        var server = SctpConfig.ApplyServer(config, SctpSessionSettings.Default);
        Assert.Equal(SctpSocketStyle.OneToOne, server.SocketStyle);
        Assert.Equal(64, server.ListenBacklog);
    }

    [Fact]
    public void An_unknown_pe_server_socket_style_is_a_configuration_error_naming_the_key()
    {
        var config = TestConfig.With("rserpool.server.sctp-style = many");
        var error = Assert.Throws<RSerPoolConfigException>(() => SctpConfig.ApplyServer(config, SctpSessionSettings.Default));
        Assert.Contains("rserpool.server.sctp-style", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_backlog_below_one_is_a_configuration_error_naming_the_key()
    {
        var config = TestConfig.With("rserpool.sctp.listen-backlog = 0");
        var error = Assert.Throws<RSerPoolConfigException>(() => RegistrarConfig.Read(config));
        Assert.Contains("rserpool.sctp.listen-backlog", error.Message, StringComparison.Ordinal);
    }
}

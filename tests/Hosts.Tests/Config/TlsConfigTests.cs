using RSerPool.Actors.Configuration;
using RSerPool.Actors.RegistrarClient;
using RSerPool.Hosts.Tests.Support;
using Xunit;

namespace RSerPool.Hosts.Tests.Config;

/// <summary>rserpool.tls (README "TLS"): off by default, loaded for registrar and registrar client, over TCP only.</summary>
public sealed class TlsConfigTests(TlsCertificates certs) : IClassFixture<TlsCertificates>
{
    private string Tls(string role) =>
        $"rserpool.tls {{ cert = \"{certs.File($"{role}.pem")}\", key = \"{certs.File($"{role}.key")}\", ca = \"{certs.File("ca.pem")}\" }}";

    [Fact]
    public void Tls_is_off_by_default()
    {
        Assert.Null(TlsConfig.Read(TestConfig.Reference));
        Assert.Null(RegistrarConfig.Read(TestConfig.Reference).Association.Tls);
        Assert.Null(NodeConfig.Read(TestConfig.Reference).RegistrarClient.Association.Tls);
    }

    [Fact]
    public void The_registrar_and_the_registrar_client_use_the_configured_certificates()
    {
        var registrar = RegistrarConfig.Read(TestConfig.With(Tls("registrar")));
        Assert.NotNull(registrar.Association.Tls);
        Assert.True(registrar.Association.Tls!.RequiresClientCertificate);
        Assert.NotNull(registrar.Enrp!.Association.Tls);
        var node = NodeConfig.Read(TestConfig.With(Tls("pe")));
        Assert.NotNull(node.RegistrarClient.Association.Tls);
    }

    [Fact]
    public void With_tls_the_registrar_client_connects_over_tcp_and_refuses_sctp()
    {
        Assert.IsType<TcpRegistrarConnector>(NodeConfig.Read(TestConfig.With(Tls("pe") + "\nrserpool.registrar-client.transport = auto")).Connector);
        var error = Assert.Throws<RSerPoolConfigException>(() =>
            NodeConfig.Read(TestConfig.With(Tls("pe") + "\nrserpool.registrar-client.transport = sctp")));
        Assert.Equal("rserpool.registrar-client.transport", error.Key);
    }

    [Fact]
    public void A_certificate_without_its_key_names_the_key()
    {
        var error = Assert.Throws<RSerPoolConfigException>(() =>
            TlsConfig.Read(TestConfig.With($"rserpool.tls.cert = \"{certs.File("pe.pem")}\"")));
        Assert.Equal("rserpool.tls.key", error.Key);
    }
}

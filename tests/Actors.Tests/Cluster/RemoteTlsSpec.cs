// docs/cluster.md "Securing Akka.Remote" (issue 15 item 5): the documented DotNetty TLS settings, on two nodes joined
// over loopback with a certificate made for the test; a pool watch crosses them.
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Akka.Actor;
using Akka.Configuration;
using RSerPool.Actors.Api;
using RSerPool.Actors.Cluster;
using RSerPool.Actors.Configuration;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;
using AkkaCluster = Akka.Cluster.Cluster;

namespace RSerPool.Actors.Tests.Cluster;

public sealed class RemoteTlsSpec : RealTimeTestKit
{
    private const string Password = "rserpool-test";
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);
    private static readonly string CertificatePath = CreateCertificate();
    private readonly List<ActorSystem> _others = [];

    public RemoteTlsSpec()
        : base(Node("registrar"))
    {
    }

    // A self-signed certificate for client and server authentication (mutual TLS, Akka's default), as a PKCS#12 file.
    private static string CreateCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=rserpool-test-node", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        string path = Path.Combine(Path.GetTempPath(), $"rserpool-tls-{Environment.ProcessId}-{Guid.NewGuid():N}.pfx");
        File.WriteAllBytes(path, certificate.Export(X509ContentType.Pkcs12, Password));
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);   // shared by this class's tests
        return path;
    }

    // The settings of docs/cluster.md; validation suppressed only because the test's certificate is self-signed.
    private static Config Node(string role) =>
        ConfigurationFactory.ParseString($$"""
            akka.remote.dot-netty.tcp {
              enable-ssl = true
              ssl {
                certificate { path = "{{CertificatePath}}", password = "{{Password}}" }
                suppress-validation = true
              }
            }
            """).WithFallback(PoolWatchClusterSpec.Node(role));

    protected override void AfterAll()
    {
        foreach (ActorSystem other in _others)
        {
            other.Terminate().Wait(Timeout);
        }

        base.AfterAll();
    }

    [Fact]
    public async Task Nodes_with_the_documented_tls_settings_form_a_cluster_and_carry_the_pool_watch()
    {
        AkkaCluster.Get(Sys).Join(AkkaCluster.Get(Sys).SelfAddress);
        var client = ActorSystem.Create(Sys.Name, Node("rserpool-client"));
        _others.Add(client);
        AkkaCluster.Get(client).Join(AkkaCluster.Get(Sys).SelfAddress);
        AwaitAssert(() => Assert.Equal(2, AkkaCluster.Get(Sys).State.Members.Count(m => m.Status == Akka.Cluster.MemberStatus.Up)), Timeout);

        var settings = new RegistrarSettings
        {
            ServerId = 0x7150_0001,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            KeepAliveInterval = TimeSpan.FromMinutes(5),
            KeepAliveTimeout = TimeSpan.FromMinutes(5),
        };
        var asap = (await RSerPoolExtension.Get(Sys).StartRegistrarAsync(settings)).Started.AsapEndPoint;
        using var pe = await AsapTestClient.ConnectAsync(asap, Timeout);
        await pe.SendAsync(Asap.LoopbackRegistration(1));
        Assert.False((await pe.ReceiveAsync<AsapRegistrationResponse>()).Rejected);

        var subscriber = CreateTestProbe(client, "subscriber");
        RSerPoolExtension.Get(client).WatchPool(Asap.EchoPool, subscriber.Ref);

        var members = subscriber.ExpectMsg<PoolMembers>(Timeout);
        Assert.Equal([1u], members.Elements.Select(e => e.Identifier));
    }

    [Fact]
    public void A_node_whose_certificate_cannot_be_read_does_not_start_its_remoting()
    {
        var config = ConfigurationFactory.ParseString("""akka.remote.dot-netty.tcp.ssl.certificate.password = "wrong" """).WithFallback(Node("rserpool-client"));

        Assert.ThrowsAny<Exception>(() => _others.Add(ActorSystem.Create(Sys.Name, config)));
    }
}

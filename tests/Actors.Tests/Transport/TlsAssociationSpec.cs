using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Transport;

/// <summary>
/// TLS on the TCP mapping (README "TLS"): both ends of a mutually authenticated association learn the other's
/// certificate identity in <see cref="AssociationEstablished"/>, ASAP messages pass unchanged inside TLS, a client
/// without a certificate never reaches the handler (rotation: TlsProcessTests).
/// </summary>
public sealed class TlsAssociationSpec : RealTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly TestCertificates _certs = new();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            _certs.Dispose();
        }
    }

    private async Task<IPEndPoint> ListenAsync(TestProbe handler, TlsCredentials tls)
    {
        var settings = AssociationSettings.Default with { Tls = tls, Counters = new ConnectionCounters() };
        Sys.ActorOf(TcpListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref, AsapWireCodec.Instance, settings, 10));
        return (await handler.ExpectMsgAsync<Bound>(Timeout)).LocalEndPoint;
    }

    private async Task<IActorRef> ConnectAsync(IPEndPoint endPoint, TestProbe handler, TlsCredentials tls)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint);
        return Sys.ActorOf(TcpAssociationActor<AsapMessage>.Props(socket, handler.Ref, AsapWireCodec.Instance,
            AssociationSettings.Default with { Tls = tls }));
    }

    [Fact]
    public async Task Both_ends_learn_the_peers_certificate_identity_and_messages_pass_inside_tls()
    {
        var server = _certs.Issue("registrar", "registrar");
        var client = _certs.Issue("pe", "pe-7");
        var registrar = CreateTestProbe();
        var endPoint = await ListenAsync(registrar, TlsCredentials.Create(server.Certificate, server.Key, _certs.CaFile, Timeout));

        var pe = CreateTestProbe();
        var association = await ConnectAsync(endPoint, pe, TlsCredentials.Create(client.Certificate, client.Key, _certs.CaFile, Timeout));

        var accepted = await registrar.ExpectMsgAsync<AssociationEstablished>(Timeout);
        Assert.Equal("pe-7", accepted.Identity?.CommonName);
        Assert.Contains("localhost", accepted.Identity!.Names);
        Assert.Contains("127.0.0.1", accepted.Identity.Names);
        var connected = await pe.ExpectMsgAsync<AssociationEstablished>(Timeout);
        Assert.Equal("registrar", connected.Identity?.CommonName);

        var resolution = new AsapHandleResolution(PoolHandle.FromString("EchoPool"));
        association.Tell(new AssociationSend<AsapMessage>(resolution), pe.Ref);
        var received = await registrar.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
        Assert.Equal(resolution, received.Message);
    }

    [Fact]
    public async Task A_plaintext_association_carries_no_identity()
    {
        var handler = CreateTestProbe();
        Sys.ActorOf(TcpListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref, AsapWireCodec.Instance, AssociationSettings.Default, 10));
        var endPoint = (await handler.ExpectMsgAsync<Bound>(Timeout)).LocalEndPoint;
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await socket.ConnectAsync(endPoint);
        Assert.Null((await handler.ExpectMsgAsync<AssociationEstablished>(Timeout)).Identity);
    }

    [Fact]
    public async Task A_client_without_a_certificate_never_reaches_the_handler()
    {
        var server = _certs.Issue("registrar", "registrar");
        var registrar = CreateTestProbe();
        var endPoint = await ListenAsync(registrar, TlsCredentials.Create(server.Certificate, server.Key, _certs.CaFile, Timeout));

        var pe = CreateTestProbe();
        var association = await ConnectAsync(endPoint, pe, TlsCredentials.Create(null, null, _certs.CaFile, Timeout));
        pe.Watch(association);
        await pe.FishForMessageAsync(m => m is Terminated, Timeout);

        // The next message the registrar's handler gets is about a client with a certificate, not the refused one.
        var client = _certs.Issue("pe", "pe-8");
        await ConnectAsync(endPoint, CreateTestProbe(), TlsCredentials.Create(client.Certificate, client.Key, _certs.CaFile, Timeout));
        Assert.Equal("pe-8", (await registrar.ExpectMsgAsync<AssociationEstablished>(Timeout)).Identity?.CommonName);
    }

    [Fact]
    public async Task A_client_that_never_starts_the_handshake_is_closed_after_the_handshake_timeout()
    {
        var server = _certs.Issue("registrar", "registrar");
        var registrar = CreateTestProbe();
        var endPoint = await ListenAsync(registrar, TlsCredentials.Create(server.Certificate, server.Key, _certs.CaFile, TimeSpan.FromMilliseconds(300)));

        using var silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        await silent.ConnectAsync(endPoint);
        var started = DateTime.UtcNow;
        using var within = new CancellationTokenSource(Timeout);
        int read = await silent.ReceiveAsync(new byte[16], SocketFlags.None, within.Token);

        Assert.Equal(0, read);                                              // closed by the registrar, nothing sent
        Assert.True(DateTime.UtcNow - started >= TimeSpan.FromMilliseconds(250), "closed before the handshake timeout");
        registrar.ExpectNoMsg(TimeSpan.Zero);                               // and never announced to the handler
    }
}

using System.Net;
using System.Net.Sockets;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>
/// The ASAP-over-SCTP wire actors on real kernel SCTP over loopback (RFC 5352 §5): one ASAP message per SCTP
/// message with PPID 11 both ways, other PPIDs discarded, and the association actor stopping when the peer goes.
/// Skipped where the kernel has no SCTP; the lab guest runs them.
/// </summary>
public sealed class SctpAssociationSpec : RealTimeTestKit, IAsyncLifetime
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly AsapHandleResolution Resolution = new(PoolHandle.FromString("EchoPool"));
    private readonly TestProbe _handler;
    private readonly List<SctpSocket> _clients = [];
    private IPEndPoint _endpoint = new(IPAddress.Loopback, 0);

    public SctpAssociationSpec()
        : base()
    {
        _handler = CreateTestProbe("handler");
    }

    public async Task InitializeAsync()
    {
        if (!SctpSupport.IsAvailable)
        {
            return;
        }
        Sys.ActorOf(SctpListenerActor<AsapMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), _handler.Ref, AsapWireCodec.Instance,
            AssociationSettings.Default with { MaxMessageLength = 1024 }, SctpSettings.Asap, maxAssociations: 4), "asap-sctp-listener");
        _endpoint = (await _handler.ExpectMsgAsync<Bound>(Timeout)).LocalEndPoint;
    }

    public Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        return Task.CompletedTask;
    }

    [SctpFact]
    public async Task Messages_flow_both_ways_with_ppid_11()
    {
        var (client, association) = await ConnectAsync();
        Send(client, AsapEncoder.EncodeToArray(Resolution), SctpPayloadProtocol.Asap);
        var received = await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
        Assert.Equal(Resolution, received.Message);
        Assert.Equal(association, _handler.LastSender);

        var reply = AsapHandleResolutionResponse.Failure(PoolHandle.FromString("EchoPool"), new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle)));
        association.Tell(new AssociationSend<AsapMessage>(reply), _handler.Ref);
        var (bytes, info) = await ReceiveAsync(client);
        Assert.Equal(SctpPayloadProtocol.Asap, info!.Value.PayloadProtocolId);
        Assert.Equal(AsapEncoder.EncodeToArray(reply), bytes);
    }

    [SctpFact]
    public async Task A_message_with_another_ppid_is_discarded_and_the_association_kept()
    {
        var (client, _) = await ConnectAsync();
        Send(client, AsapEncoder.EncodeToArray(new AsapHandleResolution(PoolHandle.FromString("Other"))), payloadProtocolId: 99);
        Send(client, AsapEncoder.EncodeToArray(Resolution), SctpPayloadProtocol.Asap);
        var received = await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout);
        Assert.Equal(Resolution, received.Message);
    }

    [SctpFact]
    public async Task An_unknown_message_type_is_answered_with_an_error_over_sctp_and_the_association_kept()
    {
        var (client, _) = await ConnectAsync();
        byte[] unknown = [0x7f, 0x00, 0x00, 0x08, 0xde, 0xad, 0xbe, 0xef];
        Send(client, unknown, SctpPayloadProtocol.Asap);

        var (bytes, info) = await ReceiveAsync(client);
        Assert.Equal(SctpPayloadProtocol.Asap, info!.Value.PayloadProtocolId);
        var cause = Assert.Single(Assert.IsType<AsapError>(AsapDecoder.Decode(bytes)).Error.Causes);
        Assert.Equal(ErrorCauseCode.UnrecognizedMessage, cause.Code);
        Assert.Equal(unknown, cause.Information.ToArray());

        Send(client, AsapEncoder.EncodeToArray(Resolution), SctpPayloadProtocol.Asap);
        Assert.Equal(Resolution, (await _handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);
    }

    [SctpFact]
    public async Task A_message_longer_than_the_maximum_closes_the_association()
    {
        var (client, association) = await ConnectAsync();
        _handler.Watch(association);
        var tooLong = new byte[2048]; // the listener's maximum is 1024
        tooLong[0] = 0x05;
        tooLong[2] = 0x08;
        Send(client, tooLong, SctpPayloadProtocol.Asap);
        await _handler.ExpectTerminatedAsync(association, Timeout);
    }

    [SctpFact]
    public async Task The_association_actor_stops_when_the_peer_closes()
    {
        var (client, association) = await ConnectAsync();
        _handler.Watch(association);
        client.Dispose();
        await _handler.ExpectTerminatedAsync(association, Timeout);
    }

    private async Task<(SctpSocket Client, IActorRef Association)> ConnectAsync()
    {
        var client = SctpSocket.Create(AddressFamily.InterNetwork);
        _clients.Add(client);
        client.PrepareForMessages();
        await Task.Run(() => client.Connect(_endpoint, Timeout));
        var established = await _handler.ExpectMsgAsync<AssociationEstablished>(Timeout);
        return (client, established.Association);
    }

    private static void Send(SctpSocket client, byte[] message, uint payloadProtocolId)
    {
        for (int attempt = 0; attempt < 100; attempt++)
        {
            if (client.TrySend(message, new SctpSendInfo(0, payloadProtocolId), out int errno) == SctpSendStatus.Sent)
            {
                return;
            }
            Assert.True(errno == 11, $"sendmsg failed: errno {errno}");
            client.WaitReady(write: true, TimeSpan.FromMilliseconds(100));
        }
        Assert.Fail("sendmsg never had room");
    }

    private static Task<(byte[] Bytes, SctpReceiveInfo? Info)> ReceiveAsync(SctpSocket client) => SctpTestClient.ReceiveAsync(client);
}

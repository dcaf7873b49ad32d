using System.Net;
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
/// How messages go (RFC 6458 §5.3.4) on both listener styles: unordered delivery for a whole association
/// (<see cref="SctpSettings.Unordered"/>: what the actor sends arrives with SCTP_UNORDERED in the receiver's
/// SCTP_RCVINFO, and what a client sends unordered reaches the handler), and stream, PPID and unordered chosen per
/// message (<see cref="SctpAssociationSend{TMessage}"/>) next to plain sends that keep the association's.
/// Skipped where the kernel has no SCTP; the lab guest runs them.
/// </summary>
public sealed class SctpDeliveryOptionsSpec : RealTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly SctpSettings Unordered = SctpSettings.Asap with { Unordered = true };
    private static readonly AsapMessage Answer =
        AsapHandleResolutionResponse.Failure(PoolHandle.FromString("EchoPool"), new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle)));

    private readonly List<SctpTestClient> _clients = [];

    public SctpDeliveryOptionsSpec()
        : base()
    {
    }

    [SctpFact]
    public Task Unordered_messages_arrive_and_are_reported_unordered_over_one_to_one() =>
        ExchangeUnorderedAsync(sctp => (endpoint, handler) => SctpListenerActor<AsapMessage>.Props(endpoint, handler, AsapWireCodec.Instance,
            AssociationSettings.Default, sctp, maxAssociations: 4));

    [SctpFact]
    public Task Unordered_messages_arrive_and_are_reported_unordered_over_one_to_many() =>
        ExchangeUnorderedAsync(sctp => (endpoint, handler) => SctpOneToManyListenerActor<AsapMessage>.Props(endpoint, handler, AsapWireCodec.Instance,
            AssociationSettings.Default, sctp, maxAssociations: 4));

    [SctpFact]
    public Task Each_message_goes_on_its_own_stream_and_ppid_over_one_to_one() =>
        SendPerMessageAsync((endpoint, handler) => SctpListenerActor<AsapMessage>.Props(endpoint, handler, AsapWireCodec.Instance,
            AssociationSettings.Default, SctpSettings.Asap, maxAssociations: 4));

    [SctpFact]
    public Task Each_message_goes_on_its_own_stream_and_ppid_over_one_to_many() =>
        SendPerMessageAsync((endpoint, handler) => SctpOneToManyListenerActor<AsapMessage>.Props(endpoint, handler, AsapWireCodec.Instance,
            AssociationSettings.Default, SctpSettings.Asap, maxAssociations: 4));

    protected override void Dispose(bool disposing)
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        base.Dispose(disposing);
    }

    private async Task ExchangeUnorderedAsync(Func<SctpSettings, Func<IPEndPoint, IActorRef, Props>> listener)
    {
        var (handler, client, association) = await ConnectAsync(listener(Unordered));

        var request = new AsapHandleResolution(PoolHandle.FromString("EchoPool"));
        client.Send(AsapEncoder.EncodeToArray(request), SctpPayloadProtocol.Asap, unordered: true);
        Assert.Equal(request, (await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(Timeout)).Message);

        for (int i = 0; i < 3; i++)
        {
            association.Tell(new AssociationSend<AsapMessage>(Answer), handler.Ref);
        }
        for (int i = 0; i < 3; i++)
        {
            var (bytes, info) = await client.ReceiveAsync();
            Assert.Equal(AsapEncoder.EncodeToArray(Answer), bytes);
            Assert.Equal(SctpPayloadProtocol.Asap, info!.Value.PayloadProtocolId);
            Assert.True(info.Value.Unordered, "rcv_flags lacks SCTP_UNORDERED");
        }
    }

    private async Task SendPerMessageAsync(Func<IPEndPoint, IActorRef, Props> listener)
    {
        var (handler, client, association) = await ConnectAsync(listener);

        association.Tell(new SctpAssociationSend<AsapMessage>(Answer, Stream: 1), handler.Ref);
        association.Tell(new SctpAssociationSend<AsapMessage>(Answer, Stream: 0, Unordered: true, PayloadProtocolId: 4242), handler.Ref);
        association.Tell(new AssociationSend<AsapMessage>(Answer), handler.Ref);

        var expected = new (ushort Stream, uint Ppid, bool Unordered)[] { (1, SctpPayloadProtocol.Asap, false), (0, 4242, true), (0, SctpPayloadProtocol.Asap, false) };
        var seen = new List<(ushort Stream, uint Ppid, bool Unordered)>();
        for (int i = 0; i < expected.Length; i++)
        {
            var (bytes, info) = await client.ReceiveAsync();
            Assert.Equal(AsapEncoder.EncodeToArray(Answer), bytes);
            seen.Add((info!.Value.Stream, info.Value.PayloadProtocolId, info.Value.Unordered));
        }

        // Different streams (and an unordered message) need not arrive in the order sent.
        Assert.Equal(expected.OrderBy(e => e.Ppid).ThenBy(e => e.Stream), seen.OrderBy(e => e.Ppid).ThenBy(e => e.Stream));
    }

    private async Task<(TestProbe Handler, SctpTestClient Client, IActorRef Association)> ConnectAsync(Func<IPEndPoint, IActorRef, Props> listener)
    {
        var handler = CreateTestProbe("handler");
        Sys.ActorOf(listener(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref), "listener");
        var endpoint = (await handler.ExpectMsgAsync<Bound>(Timeout)).LocalEndPoint;
        var client = await SctpTestClient.ConnectAsync(endpoint, Timeout);
        _clients.Add(client);
        var association = (await handler.ExpectMsgAsync<AssociationEstablished>(Timeout)).Association;
        return (handler, client, association);
    }
}

using System.Net;
using RSerPool.Actors.Kernel;
using RSerPool.Actors.Kernel.TestKit;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>
/// Unordered delivery (SCTP_UNORDERED, RFC 6458 §5.3.4) with <see cref="SctpSettings.Unordered"/> on both listener
/// styles: what the association actor sends arrives and the receiver's SCTP_RCVINFO reports it unordered; what a
/// client sends unordered reaches the handler. Skipped where the kernel has no SCTP; the lab guest runs them.
/// </summary>
public sealed class SctpUnorderedSpec : TestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly SctpSettings Unordered = SctpSettings.Asap with { Unordered = true };
    private readonly List<SctpTestClient> _clients = [];

    public SctpUnorderedSpec()
        : base(RealTimeSettings)
    {
    }

    [SctpFact]
    public Task Unordered_messages_arrive_and_are_reported_unordered_over_one_to_one() =>
        ExchangeUnorderedAsync((endpoint, handler) => SctpListenerActor<AsapMessage>.Props(endpoint, handler, AsapWireCodec.Instance,
            AssociationSettings.Default, Unordered, maxAssociations: 4));

    [SctpFact]
    public Task Unordered_messages_arrive_and_are_reported_unordered_over_one_to_many() =>
        ExchangeUnorderedAsync((endpoint, handler) => SctpOneToManyListenerActor<AsapMessage>.Props(endpoint, handler, AsapWireCodec.Instance,
            AssociationSettings.Default, Unordered, maxAssociations: 4));

    protected override void Dispose(bool disposing)
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        base.Dispose(disposing);
    }

    private async Task ExchangeUnorderedAsync(Func<IPEndPoint, IActorRef, Props> listener)
    {
        var handler = CreateTestProbe("handler");
        Sys.ActorOf(listener(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref), "listener");
        var endpoint = (await handler.ExpectMsgAsync<Bound>(timeout: Timeout)).LocalEndPoint;
        var client = await SctpTestClient.ConnectAsync(endpoint, Timeout);
        _clients.Add(client);
        var association = (await handler.ExpectMsgAsync<AssociationEstablished>(timeout: Timeout)).Association;

        var request = new AsapHandleResolution(PoolHandle.FromString("EchoPool"));
        client.Send(AsapEncoder.EncodeToArray(request), SctpPayloadProtocol.Asap, unordered: true);
        Assert.Equal(request, (await handler.ExpectMsgAsync<AssociationReceived<AsapMessage>>(timeout: Timeout)).Message);

        var reply = AsapHandleResolutionResponse.Failure(PoolHandle.FromString("EchoPool"), new OperationError(ErrorCause.WithoutInformation(ErrorCauseCode.UnknownPoolHandle)));
        for (int i = 0; i < 3; i++)
        {
            association.Tell(new AssociationSend<AsapMessage>(reply), handler.Ref);
        }
        for (int i = 0; i < 3; i++)
        {
            var (bytes, info) = await client.ReceiveAsync();
            Assert.Equal(AsapEncoder.EncodeToArray(reply), bytes);
            Assert.Equal(SctpPayloadProtocol.Asap, info!.Value.PayloadProtocolId);
            Assert.True(info.Value.Unordered, "rcv_flags lacks SCTP_UNORDERED");
        }
    }
}

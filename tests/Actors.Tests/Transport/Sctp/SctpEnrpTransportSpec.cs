using System.Net;
using RSerPool.Actors.Enrp;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Transport;
using RSerPool.Actors.Transport.Sctp;
using RSerPool.Wire.Messages.Enrp;
using Xunit;

namespace RSerPool.Actors.Tests.Transport.Sctp;

/// <summary>
/// ENRP over kernel SCTP (RFC 5353 §3.1, §5.4: PPID 12): <see cref="SctpEnrpTransport"/>'s listener and outbound association on
/// loopback; without kernel SCTP the outbound association stops and the listener reports the reason.
/// </summary>
public sealed class SctpEnrpTransportSpec : RealTimeTestKit
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(20);
    private static readonly EnrpWireCodec Codec = new(0x0a0a0a0a);

    public SctpEnrpTransportSpec()
        : base()
    {
    }

    [SctpFact]
    public async Task Sends_queued_before_the_handshake_reach_the_peer_with_ppid_12_and_answers_come_back()
    {
        var server = CreateTestProbe("server");
        var client = CreateTestProbe("client");
        Sys.ActorOf(SctpListenerActor<EnrpMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), server.Ref, Codec, AssociationSettings.Default,
            SctpSettings.Enrp, maxAssociations: 4), "enrp-listener");
        var bound = await server.ExpectMsgAsync<Bound>(Timeout);
        var outbound = Sys.ActorOf(OutboundSctpAssociationActor.Props(bound.LocalEndPoint, client.Ref, Codec, AssociationSettings.Default, SctpSettings.Enrp,
            maxQueued: 10, connectTimeout: Timeout), "enrp-outbound");
        outbound.Tell(new AssociationSend<EnrpMessage>(new EnrpListRequest(0x0b0b0b0b, 0x0a0a0a0a)));    // queued until up

        var inbound = await server.ExpectMsgAsync<AssociationEstablished>(Timeout);
        var request = await server.ExpectMsgAsync<AssociationReceived<EnrpMessage>>(Timeout);
        Assert.Equal(new EnrpListRequest(0x0b0b0b0b, 0x0a0a0a0a), request.Message);

        inbound.Association.Tell(new AssociationSend<EnrpMessage>(new EnrpListRequest(0x0a0a0a0a, 0x0b0b0b0b)));
        await client.ExpectMsgAsync<AssociationEstablished>(Timeout);
        var answer = await client.ExpectMsgAsync<AssociationReceived<EnrpMessage>>(Timeout);
        Assert.Equal(new EnrpListRequest(0x0a0a0a0a, 0x0b0b0b0b), answer.Message);
    }

    [SctpFact]
    public async Task An_outbound_association_bound_to_the_enrp_endpoint_leaves_from_the_listeners_port()
    {
        var near = CreateTestProbe("near");
        var far = CreateTestProbe("far");
        Sys.ActorOf(SctpListenerActor<EnrpMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), near.Ref, Codec, AssociationSettings.Default,
            SctpSettings.Enrp, maxAssociations: 4), "near-listener");
        var nearBound = await near.ExpectMsgAsync<Bound>(Timeout);
        Sys.ActorOf(SctpListenerActor<EnrpMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), far.Ref, Codec, AssociationSettings.Default,
            SctpSettings.Enrp, maxAssociations: 4), "far-listener");
        var farBound = await far.ExpectMsgAsync<Bound>(Timeout);

        Sys.ActorOf(OutboundSctpAssociationActor.Props(farBound.LocalEndPoint, near.Ref, Codec, AssociationSettings.Default, SctpSettings.Enrp,
            maxQueued: 10, connectTimeout: Timeout, local: nearBound.LocalEndPoint), "near-outbound");

        // RSPLIB takes a Presence only when the association's remote port is the ENRP port it names.
        var inbound = await far.ExpectMsgAsync<AssociationEstablished>(Timeout);
        Assert.Equal(nearBound.LocalEndPoint.Port, ((IPEndPoint)inbound.Remote!).Port);
    }

    [NoSctpFact]
    public async Task The_outbound_association_stops_and_the_listener_reports_the_reason()
    {
        var handler = CreateTestProbe("handler");
        var outbound = Sys.ActorOf(OutboundSctpAssociationActor.Props(new IPEndPoint(IPAddress.Loopback, 9901), handler.Ref, Codec, AssociationSettings.Default,
            SctpSettings.Enrp, maxQueued: 10, connectTimeout: Timeout), "enrp-outbound");
        handler.Watch(outbound);
        var connectFailed = await handler.ExpectMsgAsync<EnrpConnectFailed>(Timeout);
        Assert.Equal(SctpSupport.Reason, connectFailed.Reason);
        await handler.ExpectTerminatedAsync(outbound, Timeout);

        Sys.ActorOf(SctpListenerActor<EnrpMessage>.Props(new IPEndPoint(IPAddress.Loopback, 0), handler.Ref, Codec, AssociationSettings.Default,
            SctpSettings.Enrp, maxAssociations: 4), "enrp-listener");
        var failed = await handler.ExpectMsgAsync<BindFailed>(Timeout);
        Assert.Equal(SctpSupport.Reason, failed.Reason);
    }
}

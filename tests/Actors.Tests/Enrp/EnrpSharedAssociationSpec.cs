// ENRP over SCTP keeps one association per pair of registrars (as RSPLIB needs: docs/interop.md): one a peer opened from its ENRP endpoint
// carries our messages to that endpoint too (RSPLIB takes a Presence only over an association from the named port).
using System.Net;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Handlespace;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Tests.Enrp.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp;

public sealed class EnrpSharedAssociationSpec : VirtualTimeTestKit
{
    private static readonly IPEndPoint Own = new(IPAddress.Parse("10.9.0.1"), 9902);
    private static readonly IPEndPoint Peer = new(IPAddress.Parse("10.9.0.2"), 9901);

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Presence_to_a_static_peer_goes_over_its_association_when_the_transport_shares_them(bool shares)
    {
        var listener = CreateTestProbe("listener");
        var outbound = CreateTestProbe("outbound");
        var inbound = CreateTestProbe("inbound");
        var transport = new RecordingEnrpTransport(listener.Ref, outbound.Ref, shares);
        var settings = new EnrpSettings { EndPoint = Own, Peers = [Peer], Transport = transport };
        ActorOf(EnrpActor.Props(0x5a000001, settings, HandlespaceSettings.Default), "enrp");
        Assert.NotEqual(ActorRefs.Nobody, transport.Handler);

        // The peer's association (from its ENRP port) comes up before this registrar greets its static peers.
        transport.Handler.Tell(new AssociationEstablished(inbound.Ref, Peer, Own), inbound.Ref);
        transport.Handler.Tell(new Bound(listener.Ref, Own), listener.Ref);

        var carrier = shares ? inbound : outbound;
        var send = carrier.FishForMessage<AssociationSend<EnrpMessage>>(s => s.Message is EnrpPresence);
        Assert.Equal(0x5a000001u, send.Message.SenderServerId);
        Assert.Equal(shares ? [] : [Peer], transport.Connects);
    }

    [Fact]
    public void A_list_request_is_answered_over_the_requesters_association_not_a_new_one()
    {
        // RSPLIB's hsdump announces the port of its own association and accepts no association of ours.
        var listener = CreateTestProbe("listener");
        var outbound = CreateTestProbe("outbound");
        var requester = CreateTestProbe("requester");
        var transport = new RecordingEnrpTransport(listener.Ref, outbound.Ref, sharesAssociations: true);
        var settings = new EnrpSettings { EndPoint = Own, Transport = transport };
        ActorOf(EnrpActor.Props(0x5a000001, settings, HandlespaceSettings.Default), "enrp");
        transport.Handler.Tell(new Bound(listener.Ref, Own), listener.Ref);

        var hsdump = new IPEndPoint(IPAddress.Parse("10.9.0.3"), 40123);
        var information = new ServerInformation(0x5a000077, new SctpTransport((ushort)hsdump.Port, TransportUse.DataOnly, ValueArray.Create<IPAddress>([hsdump.Address])));
        transport.Handler.Tell(new AssociationEstablished(requester.Ref, hsdump, Own), requester.Ref);
        transport.Handler.Tell(new AssociationReceived<EnrpMessage>(new EnrpPresence(0x5a000077, 0, 0, information, ReplyRequired: false)), requester.Ref);
        transport.Handler.Tell(new AssociationReceived<EnrpMessage>(new EnrpListRequest(0x5a000077, 0x5a000001)), requester.Ref);

        requester.FishForMessage<AssociationSend<EnrpMessage>>(s => s.Message is EnrpListResponse);
        Assert.Empty(transport.Connects);
    }
}

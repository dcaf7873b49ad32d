// Issue 17 item 0: without TLS a registrar accepts ENRP associations only from allowed sources (rserpool.registrar.enrp.allow).
using System.Net;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.Actors.Enrp;
using RSerPool.Actors.Handlespace;
using RSerPool.Actors.Tests.Enrp.Support;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp;

public sealed class EnrpAllowSpec : VirtualTimeTestKit
{
    private const uint OwnId = 0x5a000001;
    private const uint StrangerId = 0x5a000077;
    private static readonly IPEndPoint Own = new(IPAddress.Parse("10.9.0.1"), 9902);
    private static readonly IPEndPoint Stranger = new(IPAddress.Parse("10.9.0.3"), 40123);

    [Fact]
    public void A_source_outside_the_allowlist_is_closed_and_its_presence_is_not_processed()
    {
        var (handler, _) = Start(new EnrpSettings { EndPoint = Own, Allow = [IPNetwork.Parse("127.0.0.0/8")] });
        var stranger = CreateTestProbe("stranger");

        Greet(handler, stranger);

        Assert.Contains("allow", stranger.ExpectMsg<CloseAssociation>().Reason, StringComparison.Ordinal);
        handler.Tell(GetEnrpStatus.Instance, TestActor);   // answered after the stranger's messages were handled
        Assert.Empty(ExpectMsg<EnrpStatus>().Peers);
        stranger.ExpectNoMsg(TimeSpan.Zero);   // no List Response, no Presence back
    }

    [Theory]
    [InlineData("10.9.0.0/24", false)]
    [InlineData("10.9.0.3", false)]
    [InlineData("192.168.0.0/16", true)]   // not in the list, but a configured peer's address
    public void An_allowed_network_address_or_configured_peer_is_accepted(string allowed, bool configuredPeer)
    {
        var settings = new EnrpSettings
        {
            EndPoint = Own,
            Allow = [allowed.Contains('/', StringComparison.Ordinal) ? IPNetwork.Parse(allowed) : new IPNetwork(IPAddress.Parse(allowed), 32)],
            Peers = configuredPeer ? [new IPEndPoint(Stranger.Address, 9901)] : [],
        };
        var (handler, _) = Start(settings);
        var stranger = CreateTestProbe("stranger");

        Greet(handler, stranger);

        stranger.FishForMessage<AssociationSend<EnrpMessage>>(send => send.Message is EnrpListResponse);
    }

    [Fact]
    public void A_registrar_whose_udp_presence_was_heard_may_connect()
    {
        var (handler, _) = Start(new EnrpSettings { EndPoint = Own, Allow = [] });
        var information = new ServerInformation(StrangerId, new SctpTransport(9901, TransportUse.DataOnly, ValueArray.Create<IPAddress>([Stranger.Address])));
        handler.Tell(new UdpPresenceReceived(new EnrpPresence(StrangerId, 0, 0, information), new IPEndPoint(Stranger.Address, 9901)), TestActor);
        var announcer = CreateTestProbe("announcer");

        Greet(handler, announcer);

        announcer.FishForMessage<AssociationSend<EnrpMessage>>(send => send.Message is EnrpListResponse);
    }

    private (IActorRef Handler, TestProbe Listener) Start(EnrpSettings settings)
    {
        var listener = CreateTestProbe("listener");
        var outbound = CreateTestProbe("outbound");
        var transport = new RecordingEnrpTransport(listener.Ref, outbound.Ref, sharesAssociations: true);
        ActorOf(EnrpActor.Props(OwnId, settings with { Transport = transport }, HandlespaceSettings.Default), "enrp");
        transport.Handler.Tell(new Bound(listener.Ref, Own), listener.Ref);
        return (transport.Handler, listener);
    }

    // A Presence from an invented server id and a List Request, as the attacker of issue 17 sends them.
    private static void Greet(IActorRef handler, TestProbe source)
    {
        var information = new ServerInformation(StrangerId, new SctpTransport((ushort)Stranger.Port, TransportUse.DataOnly, ValueArray.Create<IPAddress>([Stranger.Address])));
        handler.Tell(new AssociationEstablished(source.Ref, Stranger, Own), source.Ref);
        handler.Tell(new AssociationReceived<EnrpMessage>(new EnrpPresence(StrangerId, 0, 0, information, ReplyRequired: false)), source.Ref);
        handler.Tell(new AssociationReceived<EnrpMessage>(new EnrpListRequest(StrangerId, OwnId)), source.Ref);
    }
}

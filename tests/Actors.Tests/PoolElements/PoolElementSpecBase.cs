// Scenario helpers: the registrar client and PE actors on the manual dispatcher and clock, with test probes playing the
// connector (hunt requests) and the registrar associations (they receive AssociationSend and send AssociationReceived).
using System.Net;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Tests.PoolElements;

public abstract class PoolElementSpecBase : VirtualTimeTestKit
{
    protected const uint PeId = 0x0000_0e01;
    protected const uint ServerA = 0x0000_000a;
    protected const uint ServerB = 0x0000_000b;

    protected static readonly PoolHandle Pool = PoolHandle.FromString("EchoPool");
    protected static readonly IPEndPoint RegistrarA = new(IPAddress.Loopback, 3863);
    protected static readonly IPEndPoint RegistrarB = new(IPAddress.Loopback, 3864);
    protected static readonly TcpTransport UserTransport = new(7000, TransportUse.DataOnly, [IPAddress.Loopback]);
    protected static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(3);
    protected static readonly TimeSpan Reregistration = TimeSpan.FromSeconds(30);

    protected PoolElementSpecBase()
    {
        Connects = CreateTestProbe("connects");
        Observer = CreateTestProbe("observer");
    }

    protected TestProbe Connects { get; }

    protected TestProbe Observer { get; }

    protected IActorRef Client { get; private set; } = ActorRefs.Nobody;

    protected static RegistrarClientSettings ClientSettings { get; } = new()
    {
        StaticRegistrars = [RegistrarA, RegistrarB],
        RequestTimeout = RequestTimeout,
        ConnectTimeout = TimeSpan.FromSeconds(1),
        HuntRetryDelay = TimeSpan.FromSeconds(1),
    };

    protected IActorRef StartClient(RegistrarClientSettings? settings = null)
    {
        Client = ActorOf(RegistrarClientActor.Props(settings ?? ClientSettings, new ProbeConnector(Connects.Ref)), "registrar-client");
        return Client;
    }

    /// <summary>Expects the hunt to connect to <paramref name="registrar"/> and opens a probe association for it.</summary>
    protected TestProbe Open(IPEndPoint registrar, string name)
    {
        var request = Connects.ExpectMsg<ConnectRegistrar>();
        Assert.Equal(registrar, request.Registrar);
        var association = CreateTestProbe(name);
        Client.Tell(new RegistrarAssociationOpened(request.Attempt, association.Ref), ActorRefs.NoSender);
        return association;
    }

    protected IActorRef StartPe(PoolMemberSelectionPolicy? policy = null)
    {
        var settings = new PoolElementSettings(Pool, UserTransport, policy)
        {
            Identifier = PeId,
            ReregistrationInterval = Reregistration,
            Observer = Observer.Ref,
        };
        var pe = ActorOf(PoolElementActor.Props(settings, Client), "pe");
        ExpectStatus(PoolElementStatus.Registering);
        return pe;
    }

    protected void Deliver(TestProbe association, AsapMessage message) =>
        Client.Tell(new AssociationReceived<AsapMessage>(message), association.Ref);

    protected static T ExpectSent<T>(TestProbe association)
        where T : AsapMessage
    {
        var sent = association.ExpectMsg<AssociationSend<AsapMessage>>();
        return Assert.IsType<T>(sent.Message);
    }

    protected PoolElementStatusChanged ExpectStatus(PoolElementStatus status) =>
        Observer.FishForMessage<PoolElementStatusChanged>(s => s.Status == status);

    /// <summary>Answers the registration the PE sends on <paramref name="association"/> with acceptance and checks the Registered status.</summary>
    protected AsapRegistration AcceptRegistration(TestProbe association)
    {
        var registration = ExpectSent<AsapRegistration>(association);
        Assert.Equal(PeId, registration.PoolElement.Identifier);
        Deliver(association, new AsapRegistrationResponse(Pool, PeId));
        ExpectStatus(PoolElementStatus.Registered);
        return registration;
    }
}

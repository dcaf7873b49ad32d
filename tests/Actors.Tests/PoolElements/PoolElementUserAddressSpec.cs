// docs/protocol-notes.md §6: a PE bound to any address registers the address it reaches its registrar from.
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

public sealed class PoolElementUserAddressSpec : PoolElementSpecBase
{
    private static readonly TcpTransport Wildcard = new(7000, TransportUse.DataPlusControl, [IPAddress.Any]);

    [Fact]
    public void A_wildcard_user_address_is_registered_as_the_local_address_of_each_registrar_association()
    {
        StartClient();
        var a = OpenFrom(RegistrarA, "a", IPAddress.Parse("10.2.0.5"));
        StartWildcardPe();

        var first = ExpectSent<AsapRegistration>(a);
        Assert.Equal([IPAddress.Parse("10.2.0.5")], first.PoolElement.UserTransport.Addresses.ToArray());
        Assert.Equal(7000, first.PoolElement.UserTransport.Port);
        Deliver(a, new AsapRegistrationResponse(Pool, PeId));
        ExpectStatus(PoolElementStatus.Registered);

        // The next registrar is reached from another interface: the registration follows it.
        Sys.Stop(a.Ref);
        ExpectStatus(PoolElementStatus.Moving);
        var b = OpenFrom(RegistrarB, "b", IPAddress.Parse("10.3.0.7"));
        var second = ExpectSent<AsapRegistration>(b);
        Assert.Equal([IPAddress.Parse("10.3.0.7")], second.PoolElement.UserTransport.Addresses.ToArray());
    }

    [Fact]
    public void A_specific_user_address_is_registered_as_given()
    {
        StartClient();
        var a = OpenFrom(RegistrarA, "a", IPAddress.Parse("10.2.0.5"));
        StartPe();

        var registration = ExpectSent<AsapRegistration>(a);
        Assert.Equal(UserTransport.Addresses.ToArray(), registration.PoolElement.UserTransport.Addresses.ToArray());
    }

    // As a real association does: its local address is known when the connect completes, before anything is sent.
    private TestProbe OpenFrom(IPEndPoint registrar, string name, IPAddress local)
    {
        var request = Connects.ExpectMsg<ConnectRegistrar>();
        Assert.Equal(registrar, request.Registrar);
        var association = CreateTestProbe(name);
        Client.Tell(new AssociationEstablished(association.Ref, registrar, new IPEndPoint(local, 40000)), association.Ref);
        Client.Tell(new RegistrarAssociationOpened(request.Attempt, association.Ref), ActorRefs.NoSender);
        return association;
    }

    private void StartWildcardPe()
    {
        var settings = new PoolElementSettings(Pool, Wildcard, null)
        {
            Identifier = PeId,
            ReregistrationInterval = Reregistration,
            Observer = Observer.Ref,
        };
        ActorOf(PoolElementActor.Props(settings, Client), "pe");
        ExpectStatus(PoolElementStatus.Registering);
    }
}

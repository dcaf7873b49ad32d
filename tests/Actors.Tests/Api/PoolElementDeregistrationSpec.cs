// rsp_deregister and rsp_cleanup (sockets API draft) over RFC 5352 §3.3: the application's wait ends with the PE actor.
using System.Net;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.Actors.Api;
using RSerPool.Actors.PoolElements;
using RSerPool.Actors.Transport;
using RSerPool.TestKit;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;
using RSerPool.Actors.RegistrarClient;

namespace RSerPool.Actors.Tests.Api;

/// <summary>
/// <see cref="PoolElementRegistration.DeregisterAsync"/> and <see cref="RSerPoolNode.DisposeAsync"/> in virtual time,
/// a probe playing the registrar association. The deregistration timeout is an hour, so a call that waited for it
/// instead of for the PE actor's answer or termination would miss the spec's wait by far.
/// </summary>
public sealed class PoolElementDeregistrationSpec : VirtualTimeTestKit
{
    private const uint PeId = 0x0000_0d01;
    private static readonly PoolHandle Pool = PoolHandle.FromString("EchoPool");
    private static readonly IPEndPoint Registrar = new(IPAddress.Loopback, 3863);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly TestProbe _connects;
    private readonly TestProbe _association;

    public PoolElementDeregistrationSpec()
    {
        _connects = CreateTestProbe("connects");
        _association = CreateTestProbe("association");
    }

    [Fact]
    public async Task A_confirmed_deregistration_answers_true()
    {
        var (node, registration) = await RegisterAsync();

        var deregistering = registration.DeregisterAsync();
        Assert.Equal(PeId, ExpectSent<AsapDeregistration>().PoolElementIdentifier);
        Deliver(node, new AsapDeregistrationResponse(Pool, PeId));

        Assert.True(await deregistering.WaitAsync(Wait));             // the PE answers, then stops
        Assert.Equal(PoolElementStatus.Deregistered, registration.Status);
        await node.DisposeAsync().AsTask().WaitAsync(Wait);
    }

    [Fact]
    public async Task A_pe_stopping_before_the_registrar_answers_ends_the_deregistration_unconfirmed()
    {
        var (node, registration) = await RegisterAsync();
        Watch(registration.Actor);

        var deregistering = registration.DeregisterAsync();
        ExpectSent<AsapDeregistration>();
        Assert.False(deregistering.IsCompleted);                        // the registrar has not answered

        Sys.Stop(registration.Actor);
        ExpectTerminated(registration.Actor);
        Assert.False(await deregistering.WaitAsync(Wait));
        Assert.Equal(PoolElementStatus.Deregistered, registration.Status);
        await node.DisposeAsync().AsTask().WaitAsync(Wait);
    }

    [Fact]
    public async Task Disposing_the_node_ends_a_pending_deregistration()
    {
        var (node, registration) = await RegisterAsync();

        var deregistering = registration.DeregisterAsync();
        ExpectSent<AsapDeregistration>();
        Assert.False(deregistering.IsCompleted);

        await node.DisposeAsync().AsTask().WaitAsync(Wait);           // stops the node and with it the PE
        Assert.False(await deregistering.WaitAsync(Wait));
        Assert.Equal(PoolElementStatus.Deregistered, registration.Status);
    }

    [Fact]
    public async Task Deregistering_a_pe_whose_actor_is_gone_answers_at_once()
    {
        var (node, registration) = await RegisterAsync();
        Watch(registration.Actor);
        Sys.Stop(registration.Actor);
        ExpectTerminated(registration.Actor);
        Assert.Equal(PeId, ExpectSent<AsapDeregistration>().PoolElementIdentifier);   // it left the pool on its way out

        Assert.False(await registration.DeregisterAsync().WaitAsync(Wait));
        Assert.Equal(PoolElementStatus.Deregistered, registration.Status);
        await node.DisposeAsync().AsTask().WaitAsync(Wait);
    }

    [Fact]
    public async Task Disposing_the_node_of_a_pe_whose_actor_is_gone_completes()
    {
        var (node, registration) = await RegisterAsync();
        Watch(registration.Actor);
        Sys.Stop(registration.Actor);
        ExpectTerminated(registration.Actor);

        await node.DisposeAsync().AsTask().WaitAsync(Wait);
        Assert.Equal(PoolElementStatus.Deregistered, registration.Status);
    }

    private async Task<(RSerPoolNode Node, PoolElementRegistration Registration)> RegisterAsync()
    {
        var node = await RSerPoolNode.StartAsync(new RSerPoolNodeOptions
        {
            System = Sys,
            Connector = new ProbeRegistrarConnector(_connects.Ref),
            RegistrarClient = new RegistrarClientSettings { StaticRegistrars = [Registrar] },
            RequestTimeout = Wait,
            RegistrationTimeout = Wait,
            DeregistrationTimeout = TimeSpan.FromHours(1),
        }).WaitAsync(Wait);
        var connect = _connects.ExpectMsg<ConnectRegistrar>();
        Assert.Equal(Registrar, connect.Registrar);
        node.RegistrarClient.Tell(new RegistrarAssociationOpened(connect.Attempt, _association.Ref), ActorRefs.NoSender);

        var registering = node.RegisterAsync(PoolElementOptions.ForTcp("EchoPool", new IPEndPoint(IPAddress.Loopback, 7000)) with { Identifier = PeId });
        Assert.Equal(PeId, ExpectSent<AsapRegistration>().PoolElement.Identifier);
        Deliver(node, new AsapRegistrationResponse(Pool, PeId));
        var registration = await registering.WaitAsync(Wait);
        Assert.Equal(PoolElementStatus.Registered, registration.Status);
        return (node, registration);
    }

    private T ExpectSent<T>()
        where T : AsapMessage =>
        Assert.IsType<T>(_association.ExpectMsg<AssociationSend<AsapMessage>>().Message);

    private void Deliver(RSerPoolNode node, AsapMessage message) =>
        node.RegistrarClient.Tell(new AssociationReceived<AsapMessage>(message), _association.Ref);
}

// Scenario helpers: several registrars with ENRP on one manual clock, joined by the in-memory network.
using System.Net;
using RSerPool.Actors.Enrp;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Security;
using RSerPool.Actors.Tests.Registrar.Support;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Enrp.Support;

public abstract class EnrpSpecBase : VirtualTimeTestKit
{
    private int _associationNumber;

    protected InMemoryEnrpNetwork Network { get; } = new();

    protected static IPEndPoint EnrpEndPoint(int n) => new(IPAddress.Parse($"10.9.0.{n}"), EnrpSettings.DefaultPort);

    /// <summary>Starts registrar <paramref name="n"/> (ENRP endpoint 10.9.0.n:9901) with static peers by number.</summary>
    private int _incarnations;

    protected RegistrarNode StartRegistrar(uint id, int n, int[] peers, EnrpSettings? enrp = null, IEnrpTransport? transport = null, AccessControl? acl = null)
    {
        var settings = new RegistrarSettings
        {
            ServerId = id,
            AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
            AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
            KeepAliveInterval = TimeSpan.FromHours(1),   // the probes playing PEs do not answer Keep Alives
            KeepAliveTimeout = TimeSpan.FromHours(1),
            Acl = acl ?? AccessControl.Open,
            Enrp = (enrp ?? new EnrpSettings()) with
            {
                EndPoint = EnrpEndPoint(n),
                Peers = peers.Select(EnrpEndPoint).ToArray(),
                Transport = transport ?? Network,
            },
        };
        int incarnation = ++_incarnations;   // a registrar started again at the same place gets new actor names
        var observer = CreateTestProbe($"observer-{n}-{incarnation}");
        var registrar = ActorOf(RegistrarActor.Props(settings, observer.Ref), $"registrar-{n}-{incarnation}");
        var started = observer.ExpectMsg<RegistrarStarted>();
        Assert.Equal(EnrpEndPoint(n), started.EnrpEndPoint);
        return new RegistrarNode(id, n, registrar);
    }

    /// <summary>A probe announced to <paramref name="node"/> as an ASAP association from <paramref name="remote"/> (default: a fresh address).</summary>
    protected TestProbe Connect(RegistrarNode node, IPEndPoint? remote = null)
    {
        int k = ++_associationNumber;
        var association = CreateTestProbe($"association-{k}");
        remote ??= new IPEndPoint(IPAddress.Parse($"10.1.{node.Number}.{k}"), 40000 + k);
        node.Registrar.Tell(new AssociationEstablished(association.Ref, remote, null), association.Ref);
        return association;
    }

    protected static void Register(RegistrarNode node, TestProbe association, uint id, int lifeMs = Asap.LifeMs, PoolHandle? handle = null)
    {
        node.Registrar.Tell(new AssociationReceived<AsapMessage>(Asap.Registration(id, handle: handle, lifeMs: lifeMs)), association.Ref);
        var response = Assert.IsType<AsapRegistrationResponse>(association.ExpectMsg<AssociationSend<AsapMessage>>().Message);
        Assert.False(response.Rejected, $"registration of 0x{id:x8} rejected: {response.Error}");
    }

    protected static void Deregister(RegistrarNode node, TestProbe association, uint id)
    {
        node.Registrar.Tell(new AssociationReceived<AsapMessage>(new AsapDeregistration(Asap.EchoPool, id)), association.Ref);
        Assert.IsType<AsapDeregistrationResponse>(association.ExpectMsg<AssociationSend<AsapMessage>>().Message);
    }

    /// <summary>The PE ids a Handle Resolution (128 items) at <paramref name="node"/> returns, sorted; empty for cause 0x0009.</summary>
    protected uint[] Resolve(RegistrarNode node, PoolHandle? handle = null)
    {
        var association = Connect(node);
        node.Registrar.Tell(new AssociationReceived<AsapMessage>(new AsapHandleResolution(handle ?? Asap.EchoPool, 128)), association.Ref);
        var response = Assert.IsType<AsapHandleResolutionResponse>(association.ExpectMsg<AssociationSend<AsapMessage>>().Message);
        if (response.Error is { } error)
        {
            Assert.Equal(ErrorCauseCode.UnknownPoolHandle, Assert.Single(error.Causes).Code);
            return [];
        }

        return response.PoolElements.Select(pe => pe.Identifier).Order().ToArray();
    }

    protected EnrpStatus Status(RegistrarNode node)
    {
        var probe = CreateTestProbe();
        node.Registrar.Tell(GetEnrpStatus.Instance, probe.Ref);
        return probe.ExpectMsg<EnrpStatus>();
    }

    protected HandlespaceSnapshot Snapshot(RegistrarNode node)
    {
        var probe = CreateTestProbe();
        node.Registrar.Tell(GetHandlespaceSnapshot.Instance, probe.Ref);
        return probe.ExpectMsg<HandlespaceSnapshot>();
    }

    /// <summary>The owner of each PE in <paramref name="node"/>'s handlespace (fails on a duplicate entry).</summary>
    protected Dictionary<uint, uint> Owners(RegistrarNode node) =>
        Snapshot(node).Elements.ToDictionary(pe => pe.Identifier, pe => pe.OwnerId);

    /// <summary>Lets the registrars find each other and settle (several heartbeat cycles).</summary>
    protected void Settle() => Advance(TimeSpan.FromSeconds(1));

    protected void Kill(RegistrarNode node)
    {
        Watch(node.Registrar);
        Sys.Stop(node.Registrar);
        ExpectTerminated(node.Registrar);
    }
}

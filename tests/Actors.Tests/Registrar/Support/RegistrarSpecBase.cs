// Scenario helpers: the registrar on the manual dispatcher and clock, with test probes playing the association
// actors (they send AssociationEstablished / AssociationReceived and receive AssociationSend, as TcpAssociationActor does).
using System.Net;
using Akka.Actor;
using Akka.TestKit;
using RSerPool.TestKit;
using RSerPool.Actors.Registrar;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using Xunit;

namespace RSerPool.Actors.Tests.Registrar.Support;

public abstract class RegistrarSpecBase : VirtualTimeTestKit
{
    public const uint ServerId = 0x5e5e0001;

    protected static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(500);
    protected static readonly TimeSpan Timeout = TimeSpan.FromMilliseconds(400);
    protected static readonly TimeSpan Tick = TimeSpan.FromTicks(1);

    private int _peerNumber;

    protected static RegistrarSettings Settings { get; } = new()
    {
        ServerId = ServerId,
        AsapEndPoint = new IPEndPoint(IPAddress.Loopback, 0),
        AsapAnnounce = new AnnounceSettings([], TimeSpan.FromSeconds(1)),
        KeepAliveInterval = Interval,
        KeepAliveTimeout = Timeout,
    };

    protected IActorRef Registrar { get; private set; } = ActorRefs.Nobody;

    protected RegistrarStarted Start(RegistrarSettings? settings = null)
    {
        var observer = CreateTestProbe("observer");
        Registrar = ActorOf(RegistrarActor.Props(settings ?? Settings, observer.Ref), "registrar");
        return observer.ExpectMsg<RegistrarStarted>();
    }

    /// <summary>A probe announced to the registrar as a new ASAP association from 10.1.0.n, authenticated as <paramref name="identity"/> (null: plaintext).</summary>
    protected TestProbe Connect(AssociationIdentity? identity = null)
    {
        int n = ++_peerNumber;
        var association = CreateTestProbe($"association{n}");
        var remote = new IPEndPoint(IPAddress.Parse($"10.1.0.{n}"), 40000 + n);
        Registrar.Tell(new AssociationEstablished(association.Ref, remote, null, identity), association.Ref);
        return association;
    }

    /// <summary>A probe announced to the registrar as a new ASAP association from <paramref name="address"/>.</summary>
    protected TestProbe ConnectFrom(string address)
    {
        var association = CreateTestProbe();
        Registrar.Tell(new AssociationEstablished(association.Ref, new IPEndPoint(IPAddress.Parse(address), 40000 + ++_peerNumber), null), association.Ref);
        return association;
    }

    protected void Send(TestProbe association, AsapMessage message) =>
        Registrar.Tell(new AssociationReceived<AsapMessage>(message), association.Ref);

    protected static T ExpectSent<T>(TestProbe association, Predicate<T>? isMessage = null)
        where T : AsapMessage
    {
        var sent = association.ExpectMsg<AssociationSend<AsapMessage>>();
        var message = Assert.IsType<T>(sent.Message);
        Assert.True(isMessage?.Invoke(message) ?? true, $"unexpected {message}");
        return message;
    }

    protected AsapRegistrationResponse Register(TestProbe association, AsapRegistration registration)
    {
        Send(association, registration);
        return ExpectSent<AsapRegistrationResponse>(association);
    }

    protected void RegisterAccepted(TestProbe association, AsapRegistration registration)
    {
        var response = Register(association, registration);
        Assert.False(response.Rejected, $"registration rejected: {response.Error}");
        Assert.Null(response.Error);
        Assert.Equal(registration.PoolElement.Identifier, response.PoolElementIdentifier);
    }

    protected ErrorCause RegisterRejected(TestProbe association, AsapRegistration registration)
    {
        var response = Register(association, registration);
        Assert.True(response.Rejected);
        return Assert.Single(response.Error!.Causes);
    }

    protected AsapHandleResolutionResponse Resolve(TestProbe association, PoolHandle? handle = null, uint? items = null)
    {
        Send(association, new AsapHandleResolution(handle ?? Asap.EchoPool, items));
        return ExpectSent<AsapHandleResolutionResponse>(association);
    }

    /// <summary>The PE identifiers a Handle Resolution returns, or empty when it is answered with cause 0x0009.</summary>
    protected uint[] ResolvedIds(TestProbe association, PoolHandle? handle = null, uint? items = null)
    {
        var response = Resolve(association, handle, items);
        if (response.Error is { } error)
        {
            Assert.Equal(ErrorCauseCode.UnknownPoolHandle, Assert.Single(error.Causes).Code);
            Assert.True(response.PoolElements.IsEmpty);
            return [];
        }

        return response.PoolElements.Select(pe => pe.Identifier).ToArray();
    }

    // A refused resolution: the association is first told to pause reading for `pause`, then answered with 0x0009.
    protected void ExpectRefusedAndThrottled(TestProbe flooder, TimeSpan pause)
    {
        Send(flooder, new AsapHandleResolution(Asap.EchoPool));
        Assert.Equal(pause, flooder.ExpectMsg<ThrottleReading>().For);
        var response = ExpectSent<AsapHandleResolutionResponse>(flooder);
        Assert.Equal(ErrorCauseCode.UnknownPoolHandle, Assert.Single(response.Error!.Causes).Code);
        Assert.True(response.PoolElements.IsEmpty);
    }

    protected HandlespaceSnapshot Snapshot()
    {
        var probe = CreateTestProbe();
        Registrar.Tell(GetHandlespaceSnapshot.Instance, probe.Ref);
        return probe.ExpectMsg<HandlespaceSnapshot>();
    }
}

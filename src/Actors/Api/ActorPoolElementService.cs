using System.Collections.Concurrent;
using Akka.Actor;
using RSerPool.Actors.Session;

namespace RSerPool.Actors.Api;

/// <summary>
/// The PE service of an application actor: every session gets a <see cref="PoolElementSessionRelayActor"/>, and the
/// session's events reach <paramref name="target"/> as messages sent by that relay. Called on the session actors'
/// threads; only Tells and a concurrent map here. Once the target has terminated, a pool user's message makes the
/// session fail instead of being told to a dead actor: the session then closes without acknowledging it, and the PU
/// resends it to another PE (services draft §3.3 upper-layer acks).
/// </summary>
internal sealed class ActorPoolElementService(ActorSystem system, IActorRef target, string relayPrefix) : IPoolElementService
{
    private readonly ConcurrentDictionary<long, IActorRef> _relays = new();
    private volatile bool _targetTerminated;

    /// <summary>The guard saw the target terminate (death watch).</summary>
    public void MarkTargetTerminated() => _targetTerminated = true;

    private void EnsureTargetAlive()
    {
        if (_targetTerminated)
            throw new RSerPoolException($"the PE actor {target.Path} has terminated");
    }

    public void OnSessionOpened(IPoolElementSessionContext session)
    {
        var relay = system.ActorOf(PoolElementSessionRelayActor.Props(session), $"{relayPrefix}-session-{session.SessionId}");
        _relays[session.SessionId] = relay;
        target.Tell(new PoolUserSessionOpened(session.SessionId), relay);
    }

    public void OnMessage(IPoolElementSessionContext session, ReadOnlyMemory<byte> payload)
    {
        EnsureTargetAlive();
        target.Tell(new PoolUserRequest(session.SessionId, payload.ToArray()), Relay(session));
    }

    public void OnCookieEcho(IPoolElementSessionContext session, ReadOnlyMemory<byte> cookie)
    {
        EnsureTargetAlive();
        target.Tell(new PoolUserCookieEcho(session.SessionId, cookie.ToArray()), Relay(session));
    }

    public void OnSessionClosed(IPoolElementSessionContext session)
    {
        if (_relays.TryRemove(session.SessionId, out var relay))
        {
            target.Tell(new PoolUserSessionClosed(session.SessionId), relay);
            relay.Tell(PoisonPill.Instance, ActorRefs.NoSender);
        }
    }

    private IActorRef Relay(IPoolElementSessionContext session) =>
        _relays.TryGetValue(session.SessionId, out var relay) ? relay : ActorRefs.Nobody;
}

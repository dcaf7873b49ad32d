// An in-process stand-in for ENRP over TCP (RFC 5353 §3) so several registrars run in virtual time.
using System.Net;
using RSerPool.Actors.Enrp;
using Akka.Actor;
using RSerPool.Actors.Transport;
using RSerPool.Wire.Messages.Enrp;

namespace RSerPool.Actors.Tests.Enrp.Support;

/// <summary>
/// Endpoints map to listening ENRP actors; a connection is a pair of <see cref="PipeEndActor"/>s that pass each
/// message through the real ENRP encoder and decoder. <see cref="Drop"/> loses chosen messages (to inject divergence).
/// </summary>
public sealed class InMemoryEnrpNetwork : IEnrpTransport
{
    private readonly Dictionary<IPEndPoint, IActorRef> _listeners = [];
    private readonly object _gate = new();

    /// <summary>Messages for which this returns true are lost on the way.</summary>
    public Func<EnrpMessage, bool> Drop { get; set; } = static _ => false;

    /// <summary>Messages for which this returns true wait until <see cref="Release"/>.</summary>
    public Func<EnrpMessage, bool> Hold { get; set; } = static _ => false;

    /// <summary>Every message that went through, in order (after <see cref="Drop"/>).</summary>
    public List<EnrpMessage> Delivered { get; } = [];

    public string Name { get; init; } = "memory";

    public string? UnavailableReason { get; init; }

    public IActorRef Listen(IActorContext context, IPEndPoint endPoint, IActorRef handler, EnrpWireCodec codec, EnrpSettings settings, string name) =>
        context.ActorOf(Props.Create(() => new InMemoryListenerActor(this, endPoint, handler)), name);

    // Accepting pipe ends are not the listener's children; the network remembers which it made.
    public bool Accepted(IActorRef listener, IActorRef association)
    {
        lock (_gate)
        {
            return _accepted.Contains(association);
        }
    }

    private readonly HashSet<IActorRef> _accepted = [];

    internal void RecordAccepted(IActorRef association)
    {
        lock (_gate)
        {
            _accepted.Add(association);
        }
    }

    public IActorRef Connect(IActorContext context, IPEndPoint remote, IActorRef handler, EnrpWireCodec codec, EnrpSettings settings, string name) =>
        context.ActorOf(Props.Create(() => new PipeEndActor(this, handler, remote, null)), name);

    private readonly List<(IActorRef To, IActorRef From, EnrpMessage Message)> _held = [];

    /// <summary>Delivers every held message and stops holding.</summary>
    public int Release()
    {
        List<(IActorRef To, IActorRef From, EnrpMessage Message)> held;
        lock (_gate)
        {
            held = [.. _held];
            _held.Clear();
            Hold = static _ => false;
        }

        foreach (var (to, from, message) in held)
        {
            to.Tell(new PipeDelivery(message), from);
        }

        return held.Count;
    }

    internal void Keep(IActorRef to, IActorRef from, EnrpMessage message)
    {
        lock (_gate)
        {
            _held.Add((to, from, message));
        }
    }

    internal bool TryBind(IPEndPoint endPoint, IActorRef handler)
    {
        lock (_gate)
        {
            return _listeners.TryAdd(endPoint, handler);
        }
    }

    internal void Unbind(IPEndPoint endPoint)
    {
        lock (_gate)
        {
            _listeners.Remove(endPoint);
        }
    }

    /// <summary>
    /// The certificate identity of the registrar listening at each endpoint, as a TLS association would authenticate
    /// it (issue 17): both ends of a pipe learn the other registrar's identity. Unlisted endpoints are plaintext.
    /// </summary>
    public Dictionary<IPEndPoint, AssociationIdentity> Identities { get; } = [];

    // The identity of the registrar whose ENRP actor is `handler` (by its listening endpoint).
    internal AssociationIdentity? IdentityOfHandler(IActorRef handler)
    {
        lock (_gate)
        {
            foreach (var (endPoint, listener) in _listeners)
            {
                if (listener.Equals(handler))
                {
                    return Identities.GetValueOrDefault(endPoint);
                }
            }

            return null;
        }
    }

    internal AssociationIdentity? IdentityAt(IPEndPoint endPoint)
    {
        lock (_gate)
        {
            return Identities.GetValueOrDefault(endPoint);
        }
    }

    internal IActorRef? HandlerAt(IPEndPoint endPoint)
    {
        lock (_gate)
        {
            return _listeners.TryGetValue(endPoint, out IActorRef? handler) ? handler : null;
        }
    }

    internal void Record(EnrpMessage message)
    {
        lock (_gate)
        {
            Delivered.Add(message);
        }
    }
}

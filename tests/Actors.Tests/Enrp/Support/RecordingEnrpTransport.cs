// A scripted ENRP transport: the test plays the listener and sees every outbound connect.
using System.Net;
using RSerPool.Actors.Enrp;
using Akka.Actor;
using RSerPool.Actors.Transport;

namespace RSerPool.Actors.Tests.Enrp.Support;

/// <summary>
/// <see cref="Listen"/> returns <paramref name="listener"/> and keeps the ENRP actor as <see cref="Handler"/>;
/// <see cref="Connect"/> records the remote endpoint and returns <paramref name="outbound"/>.
/// </summary>
internal sealed class RecordingEnrpTransport(IActorRef listener, IActorRef outbound, bool sharesAssociations) : IEnrpTransport
{
    private readonly List<IPEndPoint> _connects = [];
    private readonly object _gate = new();

    public IActorRef Handler { get; private set; } = ActorRefs.Nobody;

    public bool SharesAssociations => sharesAssociations;

    public string Name { get; init; } = "recording";

    public IReadOnlyList<IPEndPoint> Connects
    {
        get
        {
            lock (_gate)
            {
                return [.. _connects];
            }
        }
    }

    public IActorRef Listen(IActorContext context, IPEndPoint endPoint, IActorRef handler, EnrpWireCodec codec, EnrpSettings settings, string name)
    {
        Handler = handler;
        return listener;
    }

    public IActorRef Connect(IActorContext context, IPEndPoint remote, IActorRef handler, EnrpWireCodec codec, EnrpSettings settings, string name)
    {
        lock (_gate)
        {
            _connects.Add(remote);
        }

        return outbound;
    }
}

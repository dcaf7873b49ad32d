using Akka.Actor;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.RegistrarClient;

/// <summary>Internal: a request waiting for its response; <see cref="SentOn"/> is null while it is queued.</summary>
internal sealed class PendingRequest(long id, AsapMessage request, IActorRef requester, AsapMessageType responseType, PoolHandle handle, uint identifier)
{
    public long Id { get; } = id;

    public AsapMessage Request { get; } = request;

    public IActorRef Requester { get; } = requester;

    public AsapMessageType ResponseType { get; } = responseType;

    public PoolHandle Handle { get; } = handle;

    public uint Identifier { get; } = identifier;

    public IActorRef? SentOn { get; set; }

    public bool Answers(AsapMessage response) => response switch
    {
        AsapRegistrationResponse r => ResponseType == r.Type && Handle == r.PoolHandle && Identifier == r.PoolElementIdentifier,
        AsapDeregistrationResponse d => ResponseType == d.Type && Handle == d.PoolHandle && Identifier == d.PoolElementIdentifier,
        AsapHandleResolutionResponse h => ResponseType == h.Type && Handle == h.PoolHandle,
        _ => false,
    };
}

using Akka.Actor;
using RSerPool.Wire;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>The route of one association for messages of <typeparamref name="TMessage"/> (see <see cref="SctpOneToManyRoute"/>).</summary>
internal sealed class SctpOneToManyRoute<TMessage> : SctpOneToManyRoute
    where TMessage : class
{
    private readonly uint _payloadProtocolId;
    private readonly IWireCodec<TMessage> _codec;
    private readonly WireLimits _limits;
    private readonly IActorRef _handler;
    private readonly IActorRef _association;

    public SctpOneToManyRoute(uint payloadProtocolId, IWireCodec<TMessage> codec, WireLimits limits, IActorRef handler, IActorRef association)
    {
        _payloadProtocolId = payloadProtocolId;
        _codec = codec;
        _limits = limits;
        _handler = handler;
        _association = association;
    }

    internal override void Deliver(ReadOnlySpan<byte> frame, SctpReceiveInfo info) =>
        SctpInbound.Deliver(frame, info, _payloadProtocolId, _codec, _limits, _handler, _association);
}

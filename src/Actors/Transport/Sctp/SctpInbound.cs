using Akka.Actor;
using RSerPool.Wire;
using RSerPool.Wire.Errors;

namespace RSerPool.Actors.Transport.Sctp;

/// <summary>
/// What the SCTP association actors do with one complete received message: discard it when its PPID is another
/// protocol's (0, unspecified, is accepted), decode it, tell the handler <see cref="AssociationReceived{TMessage}"/>
/// with the association as sender, and tell the association the Error answer (docs/protocol-notes.md §9) or the silent discard.
/// </summary>
internal static class SctpInbound
{
    public static void Deliver<TMessage>(ReadOnlySpan<byte> frame, SctpReceiveInfo? info, uint payloadProtocolId, IWireCodec<TMessage> codec,
        in WireLimits limits, IActorRef handler, IActorRef association)
        where TMessage : class
    {
        if (info is { } received && received.PayloadProtocolId != payloadProtocolId && received.PayloadProtocolId != 0)
        {
            association.Tell(new SctpUnexpectedPayload(received.PayloadProtocolId, received.Stream, frame.Length), ActorRefs.NoSender);
            return;
        }
        bool decoded = codec.TryDecode(frame, limits, out var message, out var error, out var unrecognized);
        if (decoded)
        {
            handler.Tell(new AssociationReceived<TMessage>(message!), association);
        }
        if (!decoded || !unrecognized.IsEmpty)
        {
            var reply = codec.BuildErrorReply(frame, decoded ? DecodeError.None : error, unrecognized);
            var cause = decoded ? $"{unrecognized.Count} unrecognized parameter(s) to report" : error.ToString();
            if (reply is not null)
            {
                association.Tell(new AnswerFrame<TMessage>(reply, cause), ActorRefs.NoSender);
            }
            else if (!decoded)
            {
                association.Tell(new DiscardedFrame(cause), ActorRefs.NoSender);
            }
        }
    }
}

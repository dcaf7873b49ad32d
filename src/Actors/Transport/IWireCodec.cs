using RSerPool.Wire;
using RSerPool.Wire.Errors;

namespace RSerPool.Actors.Transport;

/// <summary>
/// What a wire actor needs to know of one protocol (ASAP or ENRP): decode a frame, encode a message, and build the
/// Error message that answers a frame it could not process (RFC 5352 §2.2.14 / RFC 5353 §2.10, docs/protocol-notes.md §9).
/// </summary>
public interface IWireCodec<TMessage>
    where TMessage : class
{
    /// <summary>Protocol name for logs ("ASAP", "ENRP").</summary>
    string Name { get; }

    bool TryDecode(ReadOnlySpan<byte> frame, in WireLimits limits, out TMessage? message, out DecodeError error,
        out ValueArray<UnrecognizedParameter> unrecognized);

    int GetEncodedLength(TMessage message);

    int Encode(TMessage message, Span<byte> destination);

    /// <summary>
    /// The Error message answering <paramref name="frame"/>: for a failed decode (<paramref name="error"/> not success)
    /// with the cause the decoder prescribes, or for a decoded message whose <paramref name="unrecognized"/> parameters
    /// must be reported (cause 0x0001 each). Null when nothing must be sent: silent discard, or the frame was itself
    /// an Error (never answer an Error with an Error).
    /// </summary>
    TMessage? BuildErrorReply(ReadOnlySpan<byte> frame, in DecodeError error, ValueArray<UnrecognizedParameter> unrecognized);

    /// <summary>
    /// True for a received message the receiver answers exactly once (a request): the association counts it in flight
    /// until it sends the answer (<see cref="IsAnswer"/>), to bound what one peer can queue and to keep answers in order.
    /// </summary>
    bool IsRequest(TMessage message) => false;

    /// <summary>True for a sent message that answers a request (see <see cref="IsRequest"/>).</summary>
    bool IsAnswer(TMessage message) => false;
}

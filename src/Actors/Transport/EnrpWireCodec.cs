using System.Buffers.Binary;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;

namespace RSerPool.Actors.Transport;

/// <summary>
/// ENRP over a stream: RFC 5353 codec; Error answers (RFC 5353 §2.10) carry our server id as sender and, where the
/// offending frame is long enough to show it, its sender's id as receiver.
/// </summary>
public sealed class EnrpWireCodec(uint ownServerId) : IWireCodec<EnrpMessage>
{
    public string Name => "ENRP";

    public uint OwnServerId { get; } = ownServerId;

    public bool TryDecode(ReadOnlySpan<byte> frame, in WireLimits limits, out EnrpMessage? message, out DecodeError error,
        out ValueArray<UnrecognizedParameter> unrecognized) =>
        EnrpDecoder.TryDecode(frame, limits, out message, out error, out unrecognized);

    public int GetEncodedLength(EnrpMessage message) => EnrpEncoder.GetEncodedLength(message);

    public int Encode(EnrpMessage message, Span<byte> destination) => EnrpEncoder.Encode(message, destination);

    public EnrpMessage? BuildErrorReply(ReadOnlySpan<byte> frame, in DecodeError error, ValueArray<UnrecognizedParameter> unrecognized)
    {
        if (!frame.IsEmpty && frame[0] == (byte)EnrpMessageType.Error)
        {
            return null;
        }
        var causes = ErrorReplies.Causes(frame, error, unrecognized, headerLength: 12);
        if (causes.IsEmpty)
        {
            return null;
        }
        uint peerId = frame.Length >= 8 ? BinaryPrimitives.ReadUInt32BigEndian(frame[4..]) : 0;
        return new EnrpError(OwnServerId, peerId, new OperationError(causes));
    }
}

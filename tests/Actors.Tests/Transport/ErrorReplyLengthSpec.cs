using System.Buffers.Binary;
using RSerPool.Actors.Transport;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using Xunit;

namespace RSerPool.Actors.Tests.Transport;

/// <summary>
/// Issue 13: an Error that echoes a huge unrecognized parameter must still fit the 16-bit Message Length (RFC 5353
/// §2, RFC 5352 §2.1); the ENRP one, with its 12-byte header, overflowed and the encoder threw.
/// </summary>
public sealed class ErrorReplyLengthSpec
{
    // An unrecognized parameter of type 0x4123 (upper bits 01: skip and report, RFC 5354 §2.1) filling the message.
    private static byte[] FrameWithHugeUnknownParameter(byte type, int headerLength, int parameterLength)
    {
        var frame = new byte[headerLength + parameterLength];
        frame[0] = type;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)frame.Length);
        if (headerLength == 12)
        {
            BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(4), 9);   // sender server id
        }

        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(headerLength), 0x4123);
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(headerLength + 2), (ushort)parameterLength);
        return frame;
    }

    [Fact]
    public void The_enrp_error_for_a_65516_byte_unknown_parameter_fits_in_one_message()
    {
        var codec = new EnrpWireCodec(0x0a0a0a0a);
        byte[] frame = FrameWithHugeUnknownParameter((byte)EnrpMessageType.Presence, 12, 65_516);
        codec.TryDecode(frame, WireLimits.Default, out _, out DecodeError error, out ValueArray<UnrecognizedParameter> unrecognized);

        var reply = Assert.IsType<EnrpError>(codec.BuildErrorReply(frame, error, unrecognized));

        int length = codec.GetEncodedLength(reply);
        Assert.InRange(length, 12, ushort.MaxValue);
        var bytes = new byte[length];
        codec.Encode(reply, bytes);
        Assert.True(EnrpDecoder.TryDecode(bytes, WireLimits.Default, out EnrpMessage? decoded, out _, out _));
        var cause = Assert.Single(Assert.IsType<EnrpError>(decoded).Error.Causes);
        Assert.Equal(frame.AsSpan(12, cause.Information.Count).ToArray(), cause.Information.ToArray());   // the parameter's first bytes
    }

    [Fact]
    public void The_asap_error_for_the_same_parameter_carries_all_but_its_last_four_bytes()
    {
        byte[] frame = FrameWithHugeUnknownParameter((byte)AsapMessageType.HandleResolution, 4, 65_516);
        AsapWireCodec.Instance.TryDecode(frame, WireLimits.Default, out _, out DecodeError error, out ValueArray<UnrecognizedParameter> unrecognized);

        var reply = Assert.IsType<AsapError>(AsapWireCodec.Instance.BuildErrorReply(frame, error, unrecognized));

        Assert.InRange(AsapWireCodec.Instance.GetEncodedLength(reply), 4, ushort.MaxValue);
        // An echo is cut to ErrorCause.MaxEchoLength (65,512 bytes) whatever the protocol (docs/protocol-notes.md §5).
        Assert.Contains(reply.Error.Causes, cause => cause.Information.Count == 65_512 && cause.Information.AsSpan().SequenceEqual(frame.AsSpan(4, 65_512)));
    }
}

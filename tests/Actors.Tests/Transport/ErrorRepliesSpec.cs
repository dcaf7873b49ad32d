using System.Buffers.Binary;
using RSerPool.Actors.Transport;
using RSerPool.Wire;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using Xunit;

namespace RSerPool.Actors.Tests.Transport;

// Found by the fuzz harness (issue 13): an Error that echoes a near-64 KiB message or parameter overflowed the 16-bit
// Message Length, and the encoder's ArgumentException crashed the association actor. The echo is cut to fit
// (docs/protocol-notes.md §5).
public sealed class ErrorRepliesSpec
{
    [Fact]
    public void The_error_for_an_unknown_asap_message_type_of_the_largest_length_fits_a_message()
    {
        byte[] frame = Message(0x55, 65532, body: []);
        Assert.False(AsapDecoder.TryDecode(frame, WireLimits.Default, out _, out var error, out var reports));

        var reply = new AsapWireCodec().BuildErrorReply(frame, error, reports);

        var answer = Assert.IsType<AsapError>(reply);
        byte[] encoded = AsapEncoder.EncodeToArray(answer);
        Assert.True(encoded.Length <= 65532, $"{encoded.Length} bytes");
        var cause = Assert.Single(answer.Error.Causes);
        Assert.Equal(ErrorCauseCode.UnrecognizedMessage, cause.Code);
        Assert.Equal(frame.AsSpan(0, cause.Information.Count).ToArray(), cause.Information.ToArray());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void The_error_for_large_unknown_parameters_to_report_fits_a_message(bool enrp)
    {
        // two unknown parameters with action bits 11 (skip and report, RFC 5354 §3) that fill the message between them,
        // then one with bits 01 (stop and report): three causes echoing almost 64 KiB
        int body = enrp ? 8 : 0;
        byte[] parameters = [.. Unknown(0xC123, 32000), .. Unknown(0xC124, 65532 - 4 - body - 32000 - 8), .. Unknown(0x4125, 8)];
        byte[] frame = Message(0x01, 4 + body + parameters.Length, body: [.. new byte[body], .. parameters]);

        bool decoded = enrp
            ? EnrpDecoder.TryDecode(frame, WireLimits.Default, out _, out var error, out var reports)
            : AsapDecoder.TryDecode(frame, WireLimits.Default, out _, out error, out reports);
        Assert.False(decoded);
        Assert.Equal(3, reports.Count);

        byte[] encoded = enrp
            ? EnrpEncoder.EncodeToArray(Assert.IsType<EnrpError>(new EnrpWireCodec(0x0a).BuildErrorReply(frame, error, reports)))
            : AsapEncoder.EncodeToArray(Assert.IsType<AsapError>(new AsapWireCodec().BuildErrorReply(frame, error, reports)));

        Assert.True(encoded.Length <= 65532, $"{encoded.Length} bytes");
        Assert.True(enrp ? EnrpDecoder.TryDecode(encoded, out _, out _) : AsapDecoder.TryDecode(encoded, out _, out _));
    }

    private static byte[] Message(byte type, int length, byte[] body)
    {
        byte[] frame = new byte[length];
        frame[0] = type;
        BinaryPrimitives.WriteUInt16BigEndian(frame.AsSpan(2), (ushort)length);
        body.CopyTo(frame, 4);
        return frame;
    }

    private static byte[] Unknown(ushort type, int length)
    {
        byte[] tlv = new byte[length];
        BinaryPrimitives.WriteUInt16BigEndian(tlv, type);
        BinaryPrimitives.WriteUInt16BigEndian(tlv.AsSpan(2), (ushort)length);
        return tlv;
    }
}

using System.Net;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Codec;

// DecodeError → the answer an actor sends (RFC 5354 §3; docs/protocol-notes.md §5, §9).
public class DecodeErrorResponseTests
{
    [Fact]
    public void Unrecognized_message_is_answered_with_cause_2_and_the_whole_message()
    {
        byte[] bytes = Hex.Parse("0f 00 0008 01020304");
        Assert.False(AsapDecoder.TryDecode(bytes, out _, out DecodeError error));

        ErrorCause cause = ErrorCause.ForDecodeError(error, bytes)!;

        Assert.Equal(ErrorCauseCode.UnrecognizedMessage, cause.Code);
        Assert.Equal(ResponseInformation.WholeMessage, error.ResponseInformation);
        Assert.Equal(bytes, cause.Information.ToArray());
    }

    [Fact]
    public void Invalid_parameter_value_is_answered_with_cause_3_and_the_parameter()
    {
        byte[] bytes = Hex.Parse("02 00 001c " + SpecBytes.PoolHandleEchoPool + " 000e 000c 1a2b3c4d 00000000");
        Assert.False(AsapDecoder.TryDecode(bytes, out _, out DecodeError error));

        ErrorCause cause = ErrorCause.ForDecodeError(error, bytes)!;

        Assert.Equal(ErrorCauseCode.InvalidValues, cause.Code);
        Assert.Equal(Hex.Parse("000e 000c 1a2b3c4d 00000000"), cause.Information.ToArray());
    }

    [Fact]
    public void Message_level_malformation_is_answered_with_rsplib_invalid_message_without_information()
    {
        byte[] bytes = Hex.Parse("02 00 0018 " + SpecBytes.PoolHandleEchoPool);
        Assert.False(AsapDecoder.TryDecode(bytes, out _, out DecodeError error));

        Assert.Equal(DecodeStatus.TruncatedMessage, error.Status);
        Assert.Equal(ErrorCauseCode.RsplibInvalidMessage, error.ResponseCause);
        Assert.True(error.GetResponseInformation(bytes).IsEmpty);
    }

    [Fact]
    public void Missing_parameter_inside_a_parameter_names_the_enclosing_parameter()
    {
        // SCTP transport without address inside a PE: the transport TLV (offset 32, length 8) is the offending parameter.
        byte[] bytes = Hex.Parse("01 00 0030 " + SpecBytes.PoolHandleEchoPool + " 000a 0020 1a2b3c4d 00000000 00015f90 0004 0008 1389 0000 " + SpecBytes.PolicyRoundRobin);
        Assert.False(AsapDecoder.TryDecode(bytes, out _, out DecodeError error));

        Assert.Equal(DecodeStatus.MissingParameter, error.Status);
        Assert.Equal(32, error.ParameterOffset);
        Assert.Equal(8, error.ParameterLength);
        Assert.Equal((ushort)0x0004, error.ParameterType);
        Assert.Equal(ErrorCauseCode.InvalidValues, error.ResponseCause);
    }

    [Fact]
    public void Success_has_no_response()
    {
        Assert.True(AsapDecoder.TryDecode(Hex.Parse(SpecBytes.Registration), out _, out DecodeError error));

        Assert.True(error.IsSuccess);
        Assert.Null(error.ResponseCause);
    }

    [Fact]
    public void Exception_carries_the_error_and_a_readable_message()
    {
        var exception = Assert.Throws<RSerPoolWireException>(() => EnrpDecoder.Decode(Hex.Parse("05 00 0008")));

        Assert.Equal(DecodeStatus.TruncatedMessage, exception.Status);
        Assert.Equal(4, exception.Offset);
        Assert.Contains("TruncatedMessage", exception.Message, StringComparison.Ordinal);
    }
}

using System.Net;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Codec;

// The two action bits of an unrecognized parameter (RFC 5354 §3): 00 stop silently, 01 stop and report,
// 10 skip, 11 skip and report; reports are available on success and on failure.
public class UnrecognizedParameterTests
{
    // Deregistration: handle (4..16), unknown parameter 0x?077 with 4 value bytes at 16..24, PE Identifier 24..32.
    private static byte[] DeregistrationWithUnknown(string type) =>
        Hex.Parse("02 00 0020 " + SpecBytes.PoolHandleEchoPool + " " + type + " 0008 deadbeef " + SpecBytes.PeIdentifier);

    [Fact]
    public void Action_00_stops_and_sends_nothing()
    {
        byte[] bytes = DeregistrationWithUnknown("0077");

        Assert.False(AsapDecoder.TryDecode(bytes, WireLimits.Default, out _, out DecodeError error, out var reports));

        Assert.Equal(DecodeStatus.UnrecognizedParameter, error.Status);
        Assert.Null(error.ResponseCause);
        Assert.Equal(ResponseInformation.None, error.ResponseInformation);
        Assert.True(error.GetResponseInformation(bytes).IsEmpty);
        Assert.True(reports.IsEmpty);
        Assert.Null(ErrorCause.ForDecodeError(error, bytes));
    }

    [Fact]
    public void Action_01_stops_and_reports_the_complete_tlv()
    {
        byte[] bytes = DeregistrationWithUnknown("4077");

        Assert.False(AsapDecoder.TryDecode(bytes, WireLimits.Default, out _, out DecodeError error, out var reports));

        Assert.Equal(DecodeStatus.UnrecognizedParameterReported, error.Status);
        Assert.Equal(ErrorCauseCode.UnrecognizedParameter, error.ResponseCause);
        Assert.Equal(16, error.ParameterOffset);
        Assert.Equal(8, error.ParameterLength);
        Assert.Equal((ushort)0x4077, error.ParameterType);
        Assert.Equal(Hex.Parse("4077 0008 deadbeef"), error.GetResponseInformation(bytes).ToArray());
        UnrecognizedParameter report = Assert.Single(reports);
        Assert.Equal(Hex.Parse("4077 0008 deadbeef"), report.GetBytes(bytes).ToArray());
        ErrorCause cause = ErrorCause.ForDecodeError(error, bytes)!;
        Assert.Equal(ErrorCauseCode.UnrecognizedParameter, cause.Code);
        Assert.Equal(ValueArray.FromHex("4077 0008 deadbeef"), cause.Information);
    }

    [Fact]
    public void Action_10_skips_silently()
    {
        byte[] bytes = DeregistrationWithUnknown("8077");

        Assert.True(AsapDecoder.TryDecode(bytes, WireLimits.Default, out AsapMessage? message, out _, out var reports));

        Assert.Equal(new AsapDeregistration(SpecBytes.EchoPool, 0x1a2b3c4d), message);
        Assert.True(reports.IsEmpty);
    }

    [Fact]
    public void Action_11_skips_and_reports()
    {
        byte[] bytes = DeregistrationWithUnknown("c077");

        Assert.True(AsapDecoder.TryDecode(bytes, WireLimits.Default, out AsapMessage? message, out _, out var reports));

        Assert.Equal(new AsapDeregistration(SpecBytes.EchoPool, 0x1a2b3c4d), message);
        UnrecognizedParameter report = Assert.Single(reports);
        Assert.Equal((ushort)0xc077, report.Type);
        Assert.Equal(16, report.Offset);
        Assert.Equal(Hex.Parse("c077 0008 deadbeef"), report.GetBytes(bytes).ToArray());
    }

    [Fact]
    public void Skip_and_report_before_a_stop_and_report_gives_both_reports_on_failure()
    {
        // handle, c077 (skip+report), 4078 (stop+report): 4 + 12 + 8 + 8 = 32.
        byte[] bytes = Hex.Parse("05 00 0020 " + SpecBytes.PoolHandleEchoPool + " c077 0008 01020304 4078 0008 05060708");

        Assert.False(AsapDecoder.TryDecode(bytes, WireLimits.Default, out _, out DecodeError error, out var reports));

        Assert.Equal(DecodeStatus.UnrecognizedParameterReported, error.Status);
        Assert.Equal(24, error.ParameterOffset);
        Assert.Equal([(ushort)0xc077, (ushort)0x4078], reports.Select(r => r.Type));
    }

    [Fact]
    public void Unknown_parameter_inside_a_nested_parameter_follows_its_action_bits()
    {
        // SCTP transport with an extra 0x8077 TLV after its address: transport 16 + 8 = 24 (0x18), PE 48 (0x30), message 64 (0x40).
        string hex = "01 00 0040 " + SpecBytes.PoolHandleEchoPool +
            " 000a 0030 1a2b3c4d 00000000 00015f90 0004 0018 1389 0001 0001 0008 c000020a 8077 0008 00000000 " + SpecBytes.PolicyRoundRobin;

        var message = Assert.IsType<AsapRegistration>(AsapDecoder.Decode(Hex.Parse(hex)));

        Assert.Equal(SpecBytes.Element, message.PoolElement);
    }

    [Fact]
    public void Unknown_parameter_in_enrp_message_is_reported_too()
    {
        // List request with a c077 parameter: 12 + 8 = 20.
        byte[] bytes = Hex.Parse("05 00 0014 0a0b0c0d 1f2e3d4c c077 0008 00000000");

        EnrpMessage message = EnrpDecoder.Decode(bytes, WireLimits.Default, out var reports);

        Assert.IsType<EnrpListRequest>(message);
        Assert.Equal(12, Assert.Single(reports).Offset);
    }

    [Fact]
    public void Handle_resolution_option_in_a_registration_is_skipped_by_its_action_bits_10()
    {
        // 0x803F is only expected in a Handle Resolution; elsewhere it is treated like an unknown parameter (skip).
        string hex = "01 00 0040 " + SpecBytes.PoolHandleEchoPool + " 803f 0008 00000003 " + SpecBytes.PoolElement;

        var message = Assert.IsType<AsapRegistration>(AsapDecoder.Decode(Hex.Parse(hex)));

        Assert.Equal(SpecBytes.Element, message.PoolElement);
    }

    [Theory]
    [InlineData((ushort)0x0077, UnrecognizedParameterAction.StopAndDiscard)]
    [InlineData((ushort)0x4077, UnrecognizedParameterAction.StopDiscardAndReport)]
    [InlineData((ushort)0x8077, UnrecognizedParameterAction.Skip)]
    [InlineData((ushort)0xc077, UnrecognizedParameterAction.SkipAndReport)]
    [InlineData((ushort)0x803f, UnrecognizedParameterAction.Skip)]
    public void Action_is_taken_from_the_top_two_bits(ushort type, UnrecognizedParameterAction action)
    {
        Assert.Equal(action, ParameterTypes.UnrecognizedAction(type));
    }

    [Fact]
    public void Known_type_with_action_bits_is_recognised_by_its_14_bit_identifier()
    {
        // Pool Handle sent as 0xc009: compared with the action bits masked off (RFC 5354 §3), so it is a Pool Handle.
        byte[] bytes = Hex.Parse("05 00 0010 c009 000c 4563686f506f6f6c");

        var message = Assert.IsType<AsapHandleResolution>(AsapDecoder.Decode(bytes));

        Assert.Equal(SpecBytes.EchoPool, message.PoolHandle);
        Assert.Equal((ushort)0x0009, ParameterTypes.Identifier(0xc009));
        Assert.Equal(UnrecognizedParameterAction.Skip, ParameterType.HandleResolutionOption.UnrecognizedAction());
    }
}

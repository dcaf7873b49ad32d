using System.Net;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Codec;

// One decode test per ASAP message type (RFC 5352 §2.2), from bytes assembled by hand from the layouts.
public class AsapDecodingTests
{
    private static AsapMessage Decode(string hex) => AsapDecoder.Decode(Hex.Parse(hex));

    [Fact]
    public void Registration_gives_handle_and_complete_pool_element()
    {
        var message = Assert.IsType<AsapRegistration>(Decode(SpecBytes.Registration));

        Assert.Equal(AsapMessageType.Registration, message.Type);
        Assert.Equal("EchoPool", message.PoolHandle.ToString());
        PoolElement element = message.PoolElement;
        Assert.Equal(0x1a2b3c4du, element.Identifier);
        Assert.Equal(0u, element.HomeServerIdentifier);
        Assert.Equal(90000, element.RegistrationLifeMs);
        var sctp = Assert.IsType<SctpTransport>(element.UserTransport);
        Assert.Equal(5001, sctp.Port);
        Assert.Equal(TransportUse.DataPlusControl, sctp.TransportUse);
        Assert.Equal([IPAddress.Parse("192.0.2.10")], sctp.Addresses);
        Assert.Equal(PolicyType.RoundRobin, element.Policy.Type);
        Assert.Null(element.AsapTransport);
    }

    [Fact]
    public void Registration_life_is_signed()
    {
        // Registration Life 0xffffffff = -1 ms (docs/protocol-notes.md §4: signed).
        string hex = "01 00 0038 " + SpecBytes.PoolHandleEchoPool +
            " 000a 0028 1a2b3c4d 00000000 ffffffff " + SpecBytes.SctpTransport5001 + " " + SpecBytes.PolicyRoundRobin;

        var message = Assert.IsType<AsapRegistration>(Decode(hex));

        Assert.Equal(-1, message.PoolElement.RegistrationLifeMs);
    }

    [Fact]
    public void Deregistration_gives_handle_and_identifier()
    {
        var message = Assert.IsType<AsapDeregistration>(Decode("02 00 0018 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier));

        Assert.Equal(SpecBytes.EchoPool, message.PoolHandle);
        Assert.Equal(0x1a2b3c4du, message.PoolElementIdentifier);
    }

    [Fact]
    public void Registration_response_accepted_has_no_error_and_no_flag()
    {
        var message = Assert.IsType<AsapRegistrationResponse>(Decode("03 00 0018 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier));

        Assert.False(message.Rejected);
        Assert.Null(message.Error);
        Assert.Equal(0x1a2b3c4du, message.PoolElementIdentifier);
    }

    [Fact]
    public void Registration_response_rejected_carries_flag_and_cause()
    {
        // 4 + 12 + 8 + Operation Error (8) = 32.
        var message = Assert.IsType<AsapRegistrationResponse>(Decode(
            "03 01 0020 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier + " " + SpecBytes.OperationErrorUnknownPoolHandle));

        Assert.True(message.Rejected);
        ErrorCause cause = Assert.Single(message.Error!.Causes);
        Assert.Equal(ErrorCauseCode.UnknownPoolHandle, cause.Code);
        Assert.True(cause.Information.IsEmpty);
    }

    [Fact]
    public void Deregistration_response_with_error()
    {
        var message = Assert.IsType<AsapDeregistrationResponse>(Decode(
            "04 00 0020 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier + " " + SpecBytes.OperationErrorUnknownPoolHandle));

        Assert.Equal(0x1a2b3c4du, message.PoolElementIdentifier);
        Assert.Equal(ErrorCauseCode.UnknownPoolHandle, message.Error!.Causes[0].Code);
    }

    [Fact]
    public void Handle_resolution_without_option_has_no_items()
    {
        var message = Assert.IsType<AsapHandleResolution>(Decode("05 00 0010 " + SpecBytes.PoolHandleEchoPool));

        Assert.Equal(SpecBytes.EchoPool, message.PoolHandle);
        Assert.Null(message.Items);
    }

    [Fact]
    public void Handle_resolution_with_option_gives_items()
    {
        var message = Assert.IsType<AsapHandleResolution>(Decode("05 00 0018 " + SpecBytes.PoolHandleEchoPool + " 803f 0008 ffffffff"));

        Assert.Equal(AsapHandleResolution.AsManyAsPossible, message.Items);
    }

    [Fact]
    public void Handle_resolution_response_success_gives_policy_and_elements_in_order()
    {
        // 4 + 12 + 8 + 40 + 40 = 104 (0x68); second PE has ID 0x5e6f7081.
        string second = SpecBytes.PoolElement.Replace("1a2b3c4d", "5e6f7081", StringComparison.Ordinal);
        var message = Assert.IsType<AsapHandleResolutionResponse>(Decode(
            "06 00 0068 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PolicyRoundRobin + " " + SpecBytes.PoolElement + " " + second));

        Assert.Equal(PolicyType.RoundRobin, message.Policy!.Type);
        Assert.Equal(2, message.PoolElements.Count);
        Assert.Equal(0x1a2b3c4du, message.PoolElements[0].Identifier);
        Assert.Equal(0x5e6f7081u, message.PoolElements[1].Identifier);
        Assert.Null(message.Error);
    }

    [Fact]
    public void Endpoint_keep_alive_reads_server_identifier_fixed_field_and_home_flag()
    {
        // 4 + 4 (server id) + 12 + 8 = 28 (0x1c).
        var message = Assert.IsType<AsapEndpointKeepAlive>(Decode(
            "07 01 001c 0a0b0c0d " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier));

        Assert.Equal(0x0a0b0c0du, message.ServerIdentifier);
        Assert.True(message.HomeFlag);
        Assert.Equal(0x1a2b3c4du, message.PoolElementIdentifier);
    }

    [Fact]
    public void Endpoint_keep_alive_ack()
    {
        var message = Assert.IsType<AsapEndpointKeepAliveAck>(Decode("08 00 0018 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier));

        Assert.Equal(0x1a2b3c4du, message.PoolElementIdentifier);
    }

    [Fact]
    public void Endpoint_unreachable()
    {
        var message = Assert.IsType<AsapEndpointUnreachable>(Decode("09 00 0018 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier));

        Assert.Equal(SpecBytes.EchoPool, message.PoolHandle);
        Assert.Equal(0x1a2b3c4du, message.PoolElementIdentifier);
    }

    [Fact]
    public void Server_announce_rsplib_form_has_only_the_server_identifier()
    {
        var message = Assert.IsType<AsapServerAnnounce>(Decode("0a 00 0008 0a0b0c0d"));

        Assert.Equal(0x0a0b0c0du, message.ServerIdentifier);
        Assert.True(message.Transports.IsEmpty);
    }

    [Fact]
    public void Cookie_keeps_bytes_and_skips_padding()
    {
        // Cookie of 5 bytes: length 9, 3 padding bytes; message 4 + 12 = 16.
        var message = Assert.IsType<AsapCookie>(Decode("0b 00 0010 000d 0009 0102030405 000000"));

        Assert.Equal([1, 2, 3, 4, 5], message.Cookie.ToArray());
    }

    [Fact]
    public void Cookie_echo_keeps_bytes()
    {
        var message = Assert.IsType<AsapCookieEcho>(Decode("0c 00 000c 000d 0008 cafebabe"));

        Assert.Equal(ValueArray.FromHex("cafebabe"), message.Cookie);
    }

    [Fact]
    public void Business_card_rfc_form_has_no_policy()
    {
        var message = Assert.IsType<AsapBusinessCard>(Decode("0d 00 0038 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PoolElement));

        Assert.Null(message.Policy);
        Assert.Equal(SpecBytes.Element, Assert.Single(message.PoolElements));
    }

    [Fact]
    public void Error_message_gives_all_causes_with_raw_information()
    {
        // Operation Error with cause 0x0003 holding a PE Identifier TLV (8 bytes): 4 + 4 + 8 = 16, and
        // RSPLIB cause 0xf008 without info: 4. Operation Error length 4 + 12 + 4 = 20 (0x14); message 24 (0x18).
        var message = Assert.IsType<AsapError>(Decode("0e 00 0018 000c 0014 0003 000c 000e 0008 00000000 f008 0004"));

        Assert.Equal(2, message.Error.Causes.Count);
        Assert.Equal(ErrorCauseCode.InvalidValues, message.Error.Causes[0].Code);
        Assert.Equal(ValueArray.FromHex("000e000800000000"), message.Error.Causes[0].Information);
        Assert.Equal(ErrorCauseCode.RsplibNoUsableUserAddresses, message.Error.Causes[1].Code);
    }

    [Fact]
    public void Error_cause_information_of_odd_length_is_kept_and_its_padding_skipped()
    {
        // Cause 0x0001 with 3 info bytes: length 7, 1 padding byte; Operation Error 4 + 8 = 12; message 16.
        var message = Assert.IsType<AsapError>(Decode("0e 00 0010 000c 000c 0001 0007 aabbcc 00"));

        Assert.Equal(ValueArray.FromHex("aabbcc"), message.Error.Causes[0].Information);
    }

    [Fact]
    public void Unknown_flag_bits_are_ignored()
    {
        var message = Assert.IsType<AsapDeregistration>(Decode("02 fe 0018 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier));

        Assert.Equal(new AsapDeregistration(SpecBytes.EchoPool, 0x1a2b3c4d), message);
    }

    [Fact]
    public void Unknown_flag_bits_are_not_resent()
    {
        var bytes = Hex.Parse("03 ff 0018 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier);

        var message = Assert.IsType<AsapRegistrationResponse>(AsapDecoder.Decode(bytes));

        Assert.True(message.Rejected);
        Assert.Equal(0x01, AsapEncoder.EncodeToArray(message)[1]);
    }
}

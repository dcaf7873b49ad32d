using System.Net;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Codec;

// Liberal acceptance (docs/protocol-notes.md §1, §4): forms RSPLIB, the RFC or Wireshark allow.
public class LiberalAcceptanceTests
{
    private const string Ids = "0a0b0c0d 1f2e3d4c";

    [Fact]
    public void Message_length_without_final_padding_is_accepted_when_the_padding_bytes_are_present()
    {
        // Handle resolution for "Pool1": length field 13 (no padding counted), 16 bytes present.
        var message = Assert.IsType<AsapHandleResolution>(AsapDecoder.Decode(Hex.Parse("05 00 000d " + SpecBytes.PoolHandlePool1)));

        Assert.Equal(PoolHandle.FromString("Pool1"), message.PoolHandle);
    }

    [Fact]
    public void Non_zero_padding_is_not_rejected()
    {
        var message = Assert.IsType<AsapHandleResolution>(AsapDecoder.Decode(Hex.Parse("05 00 0010 0009 0009 506f6f6c31 ffffff")));

        Assert.Equal(PoolHandle.FromString("Pool1"), message.PoolHandle);
    }

    [Fact]
    public void Keep_alive_rfc_form_without_pe_identifier()
    {
        var message = Assert.IsType<AsapEndpointKeepAlive>(AsapDecoder.Decode(Hex.Parse("07 00 0014 0a0b0c0d " + SpecBytes.PoolHandleEchoPool)));

        Assert.Null(message.PoolElementIdentifier);
        Assert.False(message.HomeFlag);
    }

    [Fact]
    public void Business_card_with_policy_after_the_handle_rsplib_encoder_form()
    {
        var message = Assert.IsType<AsapBusinessCard>(AsapDecoder.Decode(Hex.Parse(
            "0d 00 0040 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PolicyRoundRobin + " " + SpecBytes.PoolElement)));

        Assert.Equal(PolicyType.RoundRobin, message.Policy!.Type);
        Assert.Single(message.PoolElements);
    }

    [Fact]
    public void Handle_resolution_response_error_form()
    {
        var message = Assert.IsType<AsapHandleResolutionResponse>(AsapDecoder.Decode(Hex.Parse(
            "06 00 0018 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.OperationErrorUnknownPoolHandle)));

        Assert.Null(message.Policy);
        Assert.True(message.PoolElements.IsEmpty);
        Assert.Equal(ErrorCauseCode.UnknownPoolHandle, message.Error!.Causes[0].Code);
        Assert.Equal(AsapHandleResolutionResponse.Failure(SpecBytes.EchoPool, new OperationError(new ErrorCause(ErrorCauseCode.UnknownPoolHandle))), message);
    }

    [Fact]
    public void Handle_resolution_response_with_policy_after_the_elements()
    {
        var message = Assert.IsType<AsapHandleResolutionResponse>(AsapDecoder.Decode(Hex.Parse(
            "06 00 0040 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PoolElement + " " + SpecBytes.PolicyRoundRobin)));

        Assert.Equal(PolicyType.RoundRobin, message.Policy!.Type);
        Assert.Single(message.PoolElements);
    }

    [Theory]
    [InlineData("0005", ErrorCauseCode.InconsistentPoolingPolicy)]
    [InlineData("0007", ErrorCauseCode.InconsistentTransportType)]
    public void Rsplib_causes_5_and_7_without_information(string code, ErrorCauseCode expected)
    {
        var message = Assert.IsType<AsapRegistrationResponse>(AsapDecoder.Decode(Hex.Parse(
            "03 01 0020 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier + " 000c 0008 " + code + " 0004")));

        ErrorCause cause = Assert.Single(message.Error!.Causes);
        Assert.Equal(expected, cause.Code);
        Assert.True(cause.Information.IsEmpty);
    }

    [Fact]
    public void Unknown_cause_code_is_kept_with_its_raw_information()
    {
        var message = Assert.IsType<AsapError>(AsapDecoder.Decode(Hex.Parse("0e 00 0010 000c 000c 7777 0008 01020304")));

        Assert.Equal((ErrorCauseCode)0x7777, message.Error.Causes[0].Code);
        Assert.Equal(ValueArray.FromHex("01020304"), message.Error.Causes[0].Information);
    }

    [Fact]
    public void Server_announce_with_several_transports_of_every_kind()
    {
        // SCTP 16, TCP 16, UDP 16, UDP-Lite 16, DCCP 20 (service code 0x12345678): 8 + 84 = 92 (0x5c).
        var message = Assert.IsType<AsapServerAnnounce>(AsapDecoder.Decode(Hex.Parse(
            "0a 00 005c 0a0b0c0d " +
            "0004 0010 0f17 0000 0001 0008 c6336401 " +
            "0005 0010 0f17 0001 0001 0008 c6336401 " +
            "0006 0010 0f17 0000 0001 0008 c6336401 " +
            "0007 0010 0f17 0000 0001 0008 c6336401 " +
            "0003 0014 0f17 0000 12345678 0001 0008 c6336401")));

        Assert.Equal(5, message.Transports.Count);
        Assert.IsType<SctpTransport>(message.Transports[0]);
        Assert.Equal(TransportUse.DataPlusControl, Assert.IsType<TcpTransport>(message.Transports[1]).TransportUse);
        Assert.IsType<UdpTransport>(message.Transports[2]);
        Assert.IsType<UdpLiteTransport>(message.Transports[3]);
        Assert.Equal(0x12345678u, Assert.IsType<DccpTransport>(message.Transports[4]).ServiceCode);
        Assert.All(message.Transports, t => Assert.Equal(3863, t.Port));
    }

    [Fact]
    public void Server_announce_with_ipv4_and_ipv6_addresses()
    {
        // SCTP: 8 + 8 + 20 = 36 (0x24); message 8 + 36 = 44 (0x2c).
        var message = Assert.IsType<AsapServerAnnounce>(AsapDecoder.Decode(Hex.Parse(
            "0a 00 002c 0a0b0c0d 0004 0024 0f17 0000 0001 0008 c6336401 0002 0014 20010db8000000000000000000000001")));

        Assert.Equal([IPAddress.Parse("198.51.100.1"), IPAddress.Parse("2001:db8::1")], message.Transports[0].Addresses);
    }

    [Fact]
    public void Pool_element_inside_asap_with_trailing_asap_transport_is_accepted_and_kept()
    {
        var message = Assert.IsType<AsapRegistration>(AsapDecoder.Decode(Hex.Parse(
            "01 00 0048 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PoolElementWithAsapTransport)));

        Assert.Equal(40001, message.PoolElement.AsapTransport!.Port);
    }

    [Fact]
    public void Pool_element_with_policy_before_transport_is_accepted()
    {
        // PE: fixed 12, policy, then transport (same length as the normal order).
        var message = Assert.IsType<AsapRegistration>(AsapDecoder.Decode(Hex.Parse(
            "01 00 0038 " + SpecBytes.PoolHandleEchoPool + " 000a 0028 1a2b3c4d 00000000 00015f90 " +
            SpecBytes.PolicyRoundRobin + " " + SpecBytes.SctpTransport5001)));

        Assert.Equal(SpecBytes.Element, message.PoolElement);
    }

    [Fact]
    public void Registration_with_element_before_handle_is_accepted()
    {
        var message = Assert.IsType<AsapRegistration>(AsapDecoder.Decode(Hex.Parse(
            "01 00 0038 " + SpecBytes.PoolElement + " " + SpecBytes.PoolHandleEchoPool)));

        Assert.Equal(new AsapRegistration(SpecBytes.EchoPool, SpecBytes.Element), message);
    }

    [Fact]
    public void Handle_table_response_with_reject_flag_and_no_entries()
    {
        var message = Assert.IsType<EnrpHandleTableResponse>(EnrpDecoder.Decode(Hex.Parse("03 01 000c " + Ids)));

        Assert.True(message.Rejected);
        Assert.True(message.Entries.IsEmpty);
    }

    [Fact]
    public void Handle_table_response_with_more_flag_and_several_pools_and_elements()
    {
        // 12 + 12 + 56 + 56 + 12 + 56 = 204 (0xcc).
        string second = SpecBytes.PoolElementWithAsapTransport.Replace("1a2b3c4d", "5e6f7081", StringComparison.Ordinal);
        var message = Assert.IsType<EnrpHandleTableResponse>(EnrpDecoder.Decode(Hex.Parse(
            "03 02 00cc " + Ids + " " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PoolElementWithAsapTransport + " " + second + " " +
            SpecBytes.PoolHandlePool1 + " " + SpecBytes.PoolElementWithAsapTransport)));

        Assert.True(message.MoreToSend);
        Assert.Equal([2, 1], message.Entries.Select(e => e.PoolElements.Count));
        Assert.Equal(0x5e6f7081u, message.Entries[0].PoolElements[1].Identifier);
    }

    [Fact]
    public void Presence_without_checksum_and_server_information()
    {
        var message = Assert.IsType<EnrpPresence>(EnrpDecoder.Decode(Hex.Parse("01 00 000c " + Ids)));

        Assert.Null(message.Checksum);
        Assert.Null(message.ServerInformation);
    }

    [Fact]
    public void Presence_with_server_information_before_checksum()
    {
        var message = Assert.IsType<EnrpPresence>(EnrpDecoder.Decode(Hex.Parse(
            "01 00 002c " + Ids + " " + SpecBytes.ServerInformation + " 000f 0006 ff39 0000")));

        Assert.Equal((ushort)0xff39, message.Checksum);
        Assert.NotNull(message.ServerInformation);
    }

    [Fact]
    public void Operation_error_without_causes_is_tolerated()
    {
        var message = Assert.IsType<AsapError>(AsapDecoder.Decode(Hex.Parse("0e 00 0008 000c 0004")));

        Assert.True(message.Error.Causes.IsEmpty);
    }

    [Fact]
    public void Tcp_and_udp_user_transports_with_two_addresses_are_accepted()
    {
        // RSPLIB's decoder tolerates two addresses for TCP/UDP (docs/protocol-notes.md §4); so do we.
        // TCP: 8 + 8 + 8 = 24 (0x18); PE 12 + 4 + 24 + 8 = 48 (0x30); message 4 + 12 + 48 = 64 (0x40).
        var message = Assert.IsType<AsapRegistration>(AsapDecoder.Decode(Hex.Parse(
            "01 00 0040 " + SpecBytes.PoolHandleEchoPool + " 000a 0030 1a2b3c4d 00000000 00015f90 " +
            "0005 0018 1389 0000 0001 0008 c000020a 0001 0008 c000020b " + SpecBytes.PolicyRoundRobin)));

        Assert.Equal(2, Assert.IsType<TcpTransport>(message.PoolElement.UserTransport).Addresses.Count);
    }
}

using System.Net;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Codec;

// One decode test per ENRP message type (RFC 5353 §2), from bytes assembled by hand from the layouts.
public class EnrpDecodingTests
{
    private const string Ids = "0a0b0c0d 1f2e3d4c";

    private static EnrpMessage Decode(string hex) => EnrpDecoder.Decode(Hex.Parse(hex));

    [Fact]
    public void Presence_gives_ids_reply_flag_checksum_and_server_information()
    {
        // 12 + PE Checksum (6 + 2 padding) + Server Information 24 = 44 (0x2c).
        var message = Assert.IsType<EnrpPresence>(Decode("01 01 002c " + Ids + " 000f 0006 ff39 0000 " + SpecBytes.ServerInformation));

        Assert.Equal(0x0a0b0c0du, message.SenderServerId);
        Assert.Equal(0x1f2e3d4cu, message.ReceiverServerId);
        Assert.True(message.ReplyRequired);
        Assert.Equal((ushort)0xff39, message.Checksum);
        Assert.Equal(0x0a0b0c0du, message.ServerInformation!.ServerIdentifier);
        Assert.Equal(9901, message.ServerInformation.Transport.Port);
        Assert.Equal([IPAddress.Parse("198.51.100.1")], message.ServerInformation.Transport.Addresses);
    }

    [Fact]
    public void Handle_table_request_own_children_only_flag()
    {
        var message = Assert.IsType<EnrpHandleTableRequest>(Decode("02 01 000c " + Ids));

        Assert.True(message.OwnChildrenOnly);
        Assert.Equal(0x1f2e3d4cu, message.ReceiverServerId);
    }

    [Fact]
    public void Handle_table_response_groups_elements_by_pool()
    {
        // 12 + (12 + 56) + (12 + 56) = 148 (0x94); second pool "Pool1" (handle 12 bytes padded).
        var message = Assert.IsType<EnrpHandleTableResponse>(Decode(
            "03 02 0094 " + Ids + " " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PoolElementWithAsapTransport + " " +
            SpecBytes.PoolHandlePool1 + " " + SpecBytes.PoolElementWithAsapTransport));

        Assert.True(message.MoreToSend);
        Assert.False(message.Rejected);
        Assert.Equal(2, message.Entries.Count);
        Assert.Equal(SpecBytes.EchoPool, message.Entries[0].PoolHandle);
        Assert.Equal(PoolHandle.FromString("Pool1"), message.Entries[1].PoolHandle);
        PoolElement element = Assert.Single(message.Entries[1].PoolElements);
        Assert.Equal(0x0a0b0c0du, element.HomeServerIdentifier);
        Assert.Equal(40001, element.AsapTransport!.Port);
        Assert.Equal(TransportUse.DataOnly, Assert.IsType<SctpTransport>(element.AsapTransport).TransportUse);
    }

    [Fact]
    public void Handle_table_response_rejected_without_entries()
    {
        var message = Assert.IsType<EnrpHandleTableResponse>(Decode("03 01 000c " + Ids));

        Assert.True(message.Rejected);
        Assert.False(message.MoreToSend);
        Assert.True(message.Entries.IsEmpty);
    }

    [Theory]
    [InlineData("00", HandleUpdateAction.AddPoolElement, false)]
    [InlineData("01", HandleUpdateAction.DeletePoolElement, true)]
    public void Handle_update_reads_action_and_takeover_flag(string low, HandleUpdateAction action, bool takeover)
    {
        // 12 + 4 (action + reserved) + 12 + 56 = 84 (0x54).
        string flags = takeover ? "01" : "00";
        var message = Assert.IsType<EnrpHandleUpdate>(Decode(
            "04 " + flags + " 0054 " + Ids + " 00" + low + " 0000 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PoolElementWithAsapTransport));

        Assert.Equal(action, message.Action);
        Assert.Equal(takeover, message.TakeoverSuggested);
        Assert.Equal(SpecBytes.EchoPool, message.PoolHandle);
        Assert.NotNull(message.PoolElement.AsapTransport);
    }

    [Fact]
    public void List_request()
    {
        var message = Assert.IsType<EnrpListRequest>(Decode("05 00 000c " + Ids));

        Assert.Equal(new EnrpListRequest(0x0a0b0c0d, 0x1f2e3d4c), message);
    }

    [Fact]
    public void List_response_gives_every_server()
    {
        // 12 + 24 + 24 = 60 (0x3c).
        var message = Assert.IsType<EnrpListResponse>(Decode("06 00 003c " + Ids + " " + SpecBytes.ServerInformation + " " + SpecBytes.ServerInformation));

        Assert.Equal(2, message.Servers.Count);
        Assert.False(message.Rejected);
    }

    [Fact]
    public void List_response_rejected_with_no_servers()
    {
        var message = Assert.IsType<EnrpListResponse>(Decode("06 01 000c " + Ids));

        Assert.True(message.Rejected);
        Assert.True(message.Servers.IsEmpty);
    }

    [Theory]
    [InlineData("07", typeof(EnrpInitTakeover))]
    [InlineData("08", typeof(EnrpInitTakeoverAck))]
    [InlineData("09", typeof(EnrpTakeoverServer))]
    public void Takeover_messages_read_target_server(string type, Type expected)
    {
        EnrpMessage message = Decode(type + " 00 0010 " + Ids + " 2c3d4e5f");

        Assert.IsType(expected, message);
        uint target = message switch
        {
            EnrpInitTakeover m => m.TargetServerId,
            EnrpInitTakeoverAck m => m.TargetServerId,
            EnrpTakeoverServer m => m.TargetServerId,
            _ => 0,
        };
        Assert.Equal(0x2c3d4e5fu, target);
    }

    [Fact]
    public void Error_gives_operation_error()
    {
        var message = Assert.IsType<EnrpError>(Decode("0a 00 0014 " + Ids + " " + SpecBytes.OperationErrorUnknownPoolHandle));

        Assert.Equal(ErrorCauseCode.UnknownPoolHandle, message.Error.Causes[0].Code);
    }

    [Fact]
    public void Enrp_type_zero_and_above_ten_are_unrecognized_messages()
    {
        Assert.False(EnrpDecoder.TryDecode(Hex.Parse("0b 00 000c " + Ids), out _, out DecodeError high));
        Assert.False(EnrpDecoder.TryDecode(Hex.Parse("00 00 000c " + Ids), out _, out DecodeError zero));

        Assert.Equal(DecodeStatus.UnrecognizedMessageType, high.Status);
        Assert.Equal(DecodeStatus.UnrecognizedMessageType, zero.Status);
        Assert.Equal(ErrorCauseCode.UnrecognizedMessage, high.ResponseCause);
    }
}

using System.Text;
using RSerPool.Hosts.Commands.Terminal;
using Xunit;

namespace RSerPool.Hosts.Tests.Commands;

/// <summary>RSPLIB's ping-pong protocol as `rserpool terminal --protocol pingpong` speaks it (PPID 33).</summary>
public sealed class PingPongMessagesTests
{
    [Fact]
    public void A_ping_is_type_1_with_its_whole_length_and_message_number_big_endian()
    {
        var ping = PingPongMessages.EncodePing(0x0102030405060708, "hi"u8);
        Assert.Equal(Convert.FromHexString("0100000e" + "0102030405060708" + "6869"), ping);
    }

    [Fact]
    public void A_pong_gives_its_numbers_and_only_the_data_its_length_covers()
    {
        byte[] pong = Convert.FromHexString("02000016" + "0000000000000003" + "0000000000000009" + "6869" + "ffff");
        Assert.True(PingPongMessages.TryDecodePong(pong, out ulong message, out ulong reply, out var data));
        Assert.Equal(3ul, message);
        Assert.Equal(9ul, reply);
        Assert.Equal("hi", Encoding.ASCII.GetString(data));
    }

    [Theory]
    [InlineData("0100001400000000000000030000000000000009")]           // a ping, not a pong
    [InlineData("0200001400000000000000030000000000")]                 // shorter than the header
    [InlineData("0200001800000000000000030000000000000009")]           // length beyond the bytes
    [InlineData("0200001000000000000000030000000000000009")]           // length below the header
    public void Anything_else_is_not_a_pong(string hex)
    {
        Assert.False(PingPongMessages.TryDecodePong(Convert.FromHexString(hex), out _, out _, out _));
    }

    [Fact]
    public void The_pingpong_terminal_numbers_its_pings_from_1_and_prints_the_pong_numbers()
    {
        var protocol = TerminalProtocol.Parse("pingpong");
        Assert.Equal(33u, protocol.PayloadProtocolId);
        Assert.Equal(1ul, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(protocol.Encode("a").AsSpan(4)));
        Assert.Equal(2ul, System.Buffers.Binary.BinaryPrimitives.ReadUInt64BigEndian(protocol.Encode("b").AsSpan(4)));
        byte[] pong = Convert.FromHexString("02000015" + "0000000000000002" + "0000000000000005" + "62");
        Assert.Equal("pong #2 reply #5: b", protocol.Describe(pong));
        var sctp = protocol.SctpSettings(RSerPool.Actors.Session.SctpSessionSettings.Default);
        Assert.Equal(33u, sctp.DataPayloadProtocolId);
        Assert.Equal(RSerPool.Actors.Session.SctpDataAcknowledgement.OnReply, sctp.Acknowledgement);
    }

    [Fact]
    public void The_text_terminal_sends_lines_as_they_are_and_other_protocols_are_refused()
    {
        var text = TerminalProtocol.Parse("text");
        Assert.Equal("héllo"u8.ToArray(), text.Encode("héllo"));
        Assert.Equal("héllo", text.Describe("héllo"u8));
        Assert.Throws<ArgumentException>(() => TerminalProtocol.Parse("smtp"));
    }
}

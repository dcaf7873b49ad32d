using System.Net;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Codec;

// Structural equality of the records and the small value types the codec builds on.
public class EqualityAndValueTypeTests
{
    [Fact]
    public void Value_arrays_compare_element_by_element()
    {
        ValueArray<uint> a = [1, 2, 3];
        ValueArray<uint> b = ValueArray.Create(new uint[] { 1, 2, 3 });
        ValueArray<uint> c = [1, 2, 4];

        Assert.Equal(a, b);
        Assert.True(a == b);
        Assert.Equal(a.GetHashCode(), b.GetHashCode());
        Assert.NotEqual(a, c);
        Assert.NotEqual(a, [1, 2]);
    }

    [Fact]
    public void Default_value_array_equals_empty_one()
    {
        ValueArray<byte> empty = ValueArray.Create(ReadOnlySpan<byte>.Empty);

        Assert.Equal(default, empty);
        Assert.True(default(ValueArray<int>).IsEmpty);
        Assert.Empty(default(ValueArray<int>));
    }

    [Fact]
    public void Value_array_create_copies_its_input()
    {
        byte[] source = [1, 2];
        ValueArray<byte> array = ValueArray.Create<byte>(source);

        source[0] = 9;

        Assert.Equal(1, array[0]);
    }

    [Fact]
    public void Byte_value_array_prints_hex_and_others_print_a_list()
    {
        Assert.Equal("0aff", ValueArray.FromHex("0a ff").ToString());
        Assert.Equal("[1, 2]", ((ValueArray<int>)[1, 2]).ToString());
    }

    [Fact]
    public void Records_with_equal_collections_in_different_arrays_are_equal()
    {
        var first = new AsapHandleResolutionResponse(SpecBytes.EchoPool, PoolMemberSelectionPolicy.LeastUsed(5), [SpecBytes.Element, SpecBytes.Element]);
        var second = new AsapHandleResolutionResponse(PoolHandle.FromString("EchoPool"), PoolMemberSelectionPolicy.LeastUsed(5), [SpecBytes.Element, SpecBytes.Element]);

        Assert.Equal(first, second);
        Assert.Equal(first.GetHashCode(), second.GetHashCode());
        Assert.NotEqual(first, second with { PoolElements = [SpecBytes.Element] });
    }

    [Fact]
    public void Messages_of_different_types_with_the_same_fields_differ()
    {
        AsapMessage ack = new AsapEndpointKeepAliveAck(SpecBytes.EchoPool, 1);
        AsapMessage unreachable = new AsapEndpointUnreachable(SpecBytes.EchoPool, 1);

        Assert.NotEqual(ack, unreachable);
        Assert.NotEqual<EnrpMessage>(new EnrpInitTakeover(1, 2, 3), new EnrpTakeoverServer(1, 2, 3));
    }

    [Fact]
    public void Pool_handles_compare_byte_for_byte_including_length()
    {
        var plain = new PoolHandle("abc"u8);
        var longer = new PoolHandle("abc\0"u8);

        Assert.Equal(PoolHandle.FromString("abc"), plain);
        Assert.NotEqual(plain, longer);
        Assert.True(plain != longer);
        Assert.Equal(PoolHandle.FromString("abc").GetHashCode(), plain.GetHashCode());
        Assert.Equal(default, new PoolHandle(ReadOnlySpan<byte>.Empty));
    }

    [Fact]
    public void Pool_handle_prints_text_when_printable_and_hex_otherwise()
    {
        Assert.Equal("EchoPool", SpecBytes.EchoPool.ToString());
        Assert.Equal("0x41000a", new PoolHandle([0x41, 0x00, 0x0a]).ToString());
        Assert.False(new PoolHandle([0x41, 0x00]).IsPrintableAscii);
    }

    [Fact]
    public void Policy_prints_its_named_values()
    {
        Assert.Equal("PoolMemberSelectionPolicy { Type = LeastUsedWithDpf, Load = 1, LoadDpf = 2, Distance = 3 }",
            PoolMemberSelectionPolicy.LeastUsedWithDpf(1, 2, 3).ToString());
        Assert.Equal("PoolMemberSelectionPolicy { Type = 0x12345678, TrailingBytes = 0102 }",
            PoolMemberSelectionPolicy.Opaque((PolicyType)0x12345678, ValueArray.FromHex("0102")).ToString());
    }

    [Fact]
    public void Addresses_compare_by_value()
    {
        var a = new SctpTransport(1, TransportUse.DataOnly, [IPAddress.Parse("192.0.2.1")]);
        var b = new SctpTransport(1, TransportUse.DataOnly, [IPAddress.Parse("192.0.2.1")]);

        Assert.Equal(a, b);
        Assert.NotEqual<TransportParameter>(a, new TcpTransport(1, TransportUse.DataOnly, [IPAddress.Parse("192.0.2.1")]));
    }

    [Fact]
    public void Message_header_reads_and_writes_the_common_header()
    {
        Assert.True(MessageHeader.TryRead(Hex.Parse("03 01 000d"), out MessageHeader header));
        Assert.Equal(new MessageHeader(3, 1, 13), header);
        Assert.Equal(16, header.PaddedLength);
        Assert.False(MessageHeader.TryRead(Hex.Parse("03 01 00"), out _));

        byte[] buffer = new byte[4];
        Assert.True(header.TryWrite(buffer));
        Assert.Equal(Hex.Parse("03 01 000d"), buffer);
    }

    [Fact]
    public void Default_limits_are_the_documented_constants()
    {
        Assert.Equal(WireLimits.DefaultMaxMessageLength, WireLimits.Default.MaxMessageLength);
        Assert.Equal(65536, WireLimits.DefaultMaxMessageLength);
        Assert.Equal(64, new WireLimits().MaxAddressesPerTransport);
        Assert.Equal(3, new WireLimits { MaxNestingDepth = 3 }.MaxNestingDepth);
    }
}

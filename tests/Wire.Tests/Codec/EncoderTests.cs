using System.Net;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;
using System.Buffers;

namespace RSerPool.Wire.Tests.Codec;

// The encoder's exact bytes for messages built by hand from the spec tables (RFC 5352 §2.2, RFC 5353 §2, RFC 5354 §3-§4).
public class EncoderTests
{
    private const string Ids = "0a0b0c0d 1f2e3d4c";

    public static TheoryData<string, AsapMessage, string> AsapCases => new()
    {
        { "registration", new AsapRegistration(SpecBytes.EchoPool, SpecBytes.Element), SpecBytes.Registration },
        { "deregistration", new AsapDeregistration(SpecBytes.EchoPool, 0x1a2b3c4d), "02 00 0018 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier },
        { "registration response accepted", new AsapRegistrationResponse(SpecBytes.EchoPool, 0x1a2b3c4d),
            "03 00 0018 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier },
        { "registration response rejected", new AsapRegistrationResponse(SpecBytes.EchoPool, 0x1a2b3c4d, true,
                new OperationError(new ErrorCause(ErrorCauseCode.UnknownPoolHandle))),
            "03 01 0020 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier + " " + SpecBytes.OperationErrorUnknownPoolHandle },
        { "handle resolution with items", new AsapHandleResolution(PoolHandle.FromString("Pool1"), 1),
            "05 00 0018 " + SpecBytes.PoolHandlePool1 + " 803f 0008 00000001" },
        { "handle resolution response failure", AsapHandleResolutionResponse.Failure(SpecBytes.EchoPool, new OperationError(new ErrorCause(ErrorCauseCode.UnknownPoolHandle))),
            "06 00 0018 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.OperationErrorUnknownPoolHandle },
        { "handle resolution response success", new AsapHandleResolutionResponse(SpecBytes.EchoPool, PoolMemberSelectionPolicy.RoundRobin(), [SpecBytes.Element]),
            "06 00 0040 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PolicyRoundRobin + " " + SpecBytes.PoolElement },
        { "keep alive rsplib form", new AsapEndpointKeepAlive(0x0a0b0c0d, SpecBytes.EchoPool, 0x1a2b3c4d),
            "07 00 001c 0a0b0c0d " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PeIdentifier },
        { "keep alive home flag", new AsapEndpointKeepAlive(0x0a0b0c0d, SpecBytes.EchoPool, null, HomeFlag: true),
            "07 01 0014 0a0b0c0d " + SpecBytes.PoolHandleEchoPool },
        { "server announce", new AsapServerAnnounce(0x0a0b0c0d), "0a 00 0008 0a0b0c0d" },
        { "server announce with dccp", new AsapServerAnnounce(0x0a0b0c0d, [new DccpTransport(3863, 0x12345678, [IPAddress.Parse("198.51.100.1")])]),
            "0a 00 001c 0a0b0c0d 0003 0014 0f17 0000 12345678 0001 0008 c6336401" },
        { "cookie of odd length", new AsapCookie(ValueArray.FromHex("0102030405")), "0b 00 0010 000d 0009 0102030405 000000" },
        { "cookie echo", new AsapCookieEcho(ValueArray.FromHex("cafebabe")), "0c 00 000c 000d 0008 cafebabe" },
        { "business card rfc form", new AsapBusinessCard(SpecBytes.EchoPool, [SpecBytes.Element]),
            "0d 00 0038 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PoolElement },
        { "error with odd cause information", new AsapError(new OperationError(new ErrorCause(ErrorCauseCode.UnrecognizedParameter, ValueArray.FromHex("aabbcc")))),
            "0e 00 0010 000c 000c 0001 0007 aabbcc 00" },
        { "udp user transport with ipv6", new AsapRegistration(SpecBytes.EchoPool, SpecBytes.Element with
            {
                UserTransport = new UdpTransport(7, [IPAddress.Parse("2001:db8::11")]),
            }),
            "01 00 0044 " + SpecBytes.PoolHandleEchoPool + " 000a 0034 1a2b3c4d 00000000 00015f90 " +
            "0006 001c 0007 0000 0002 0014 20010db8000000000000000000000011 " + SpecBytes.PolicyRoundRobin },
    };

    public static TheoryData<string, EnrpMessage, string> EnrpCases => new()
    {
        { "presence with checksum length 6", new EnrpPresence(0x0a0b0c0d, 0x1f2e3d4c, 0xff39,
                new ServerInformation(0x0a0b0c0d, new SctpTransport(9901, TransportUse.DataOnly, [IPAddress.Parse("198.51.100.1")])), ReplyRequired: true),
            "01 01 002c " + Ids + " 000f 0006 ff39 0000 " + SpecBytes.ServerInformation },
        { "handle table request", new EnrpHandleTableRequest(0x0a0b0c0d, 0x1f2e3d4c, OwnChildrenOnly: true), "02 01 000c " + Ids },
        { "handle table response", new EnrpHandleTableResponse(0x0a0b0c0d, 0x1f2e3d4c,
                [new HandleTableEntry(SpecBytes.EchoPool, [AsapTransportElement()])], MoreToSend: true),
            "03 02 0050 " + Ids + " " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PoolElementWithAsapTransport },
        { "handle table response rejected", new EnrpHandleTableResponse(0x0a0b0c0d, 0x1f2e3d4c, default, Rejected: true), "03 01 000c " + Ids },
        { "handle update del", new EnrpHandleUpdate(0x0a0b0c0d, 0x1f2e3d4c, HandleUpdateAction.DeletePoolElement, SpecBytes.EchoPool, AsapTransportElement(), TakeoverSuggested: true),
            "04 01 0054 " + Ids + " 0001 0000 " + SpecBytes.PoolHandleEchoPool + " " + SpecBytes.PoolElementWithAsapTransport },
        { "list request", new EnrpListRequest(0x0a0b0c0d, 0x1f2e3d4c), "05 00 000c " + Ids },
        { "list response", new EnrpListResponse(0x0a0b0c0d, 0x1f2e3d4c,
                [new ServerInformation(0x0a0b0c0d, new SctpTransport(9901, TransportUse.DataOnly, [IPAddress.Parse("198.51.100.1")]))]),
            "06 00 0024 " + Ids + " " + SpecBytes.ServerInformation },
        { "init takeover", new EnrpInitTakeover(0x0a0b0c0d, 0x1f2e3d4c, 0x2c3d4e5f), "07 00 0010 " + Ids + " 2c3d4e5f" },
        { "init takeover ack", new EnrpInitTakeoverAck(0x0a0b0c0d, 0x1f2e3d4c, 0x2c3d4e5f), "08 00 0010 " + Ids + " 2c3d4e5f" },
        { "takeover server", new EnrpTakeoverServer(0x0a0b0c0d, 0x1f2e3d4c, 0x2c3d4e5f), "09 00 0010 " + Ids + " 2c3d4e5f" },
        { "error", new EnrpError(0x0a0b0c0d, 0x1f2e3d4c, new OperationError(new ErrorCause(ErrorCauseCode.UnknownPoolHandle))),
            "0a 00 0014 " + Ids + " " + SpecBytes.OperationErrorUnknownPoolHandle },
    };

    [Theory]
    [MemberData(nameof(AsapCases))]
    public void Asap_encoder_writes_the_exact_bytes(string description, AsapMessage message, string expectedHex)
    {
        byte[] expected = Hex.Parse(expectedHex);

        byte[] actual = AsapEncoder.EncodeToArray(message);

        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{description}: expected {Hex.Format(expected)}, got {Hex.Format(actual)}");
        Assert.Equal(expected.Length, AsapEncoder.GetEncodedLength(message));
        Assert.Equal(message, AsapDecoder.Decode(actual));
    }

    [Theory]
    [MemberData(nameof(EnrpCases))]
    public void Enrp_encoder_writes_the_exact_bytes(string description, EnrpMessage message, string expectedHex)
    {
        byte[] expected = Hex.Parse(expectedHex);

        byte[] actual = EnrpEncoder.EncodeToArray(message);

        Assert.True(expected.AsSpan().SequenceEqual(actual), $"{description}: expected {Hex.Format(expected)}, got {Hex.Format(actual)}");
        Assert.Equal(expected.Length, EnrpEncoder.GetEncodedLength(message));
        Assert.Equal(message, EnrpDecoder.Decode(actual));
    }

    [Fact]
    public void Padding_is_written_as_zero_even_over_a_dirty_buffer()
    {
        var message = new AsapCookie(ValueArray.FromHex("0102030405"));
        byte[] buffer = new byte[64];
        Array.Fill(buffer, (byte)0xee);

        Assert.True(AsapEncoder.TryEncode(message, buffer, out int written));

        Assert.Equal(16, written);
        Assert.Equal(Hex.Parse("0b 00 0010 000d 0009 0102030405 000000"), buffer[..written]);
        Assert.Equal(0xee, buffer[written]);
    }

    [Fact]
    public void Try_encode_into_a_too_small_buffer_returns_false()
    {
        var message = new AsapRegistration(SpecBytes.EchoPool, SpecBytes.Element);

        Assert.False(AsapEncoder.TryEncode(message, new byte[55], out int written));
        Assert.Equal(0, written);
        Assert.Throws<ArgumentException>(() => AsapEncoder.Encode(message, new byte[55].AsSpan()));
        Assert.False(EnrpEncoder.TryEncode(new EnrpListRequest(1, 2), new byte[11], out _));
    }

    [Fact]
    public void Buffer_writer_overload_appends_after_existing_content()
    {
        var output = new ArrayBufferWriter<byte>();
        output.Write(new byte[] { 0x99 });

        int asap = AsapEncoder.Encode(new AsapServerAnnounce(0x0a0b0c0d), output);
        int enrp = EnrpEncoder.Encode(new EnrpListRequest(0x0a0b0c0d, 0x1f2e3d4c), output);

        Assert.Equal(8, asap);
        Assert.Equal(12, enrp);
        Assert.Equal(Hex.Parse("99 0a 00 0008 0a0b0c0d 05 00 000c " + Ids), output.WrittenSpan.ToArray());
    }

    [Fact]
    public void Message_longer_than_65535_bytes_cannot_be_encoded()
    {
        var message = new AsapCookie(ValueArray.Create(new byte[65532]));

        Assert.Throws<ArgumentException>(() => AsapEncoder.GetEncodedLength(message));
    }

    [Fact]
    public void Empty_pool_handle_cookie_or_address_list_is_refused_because_the_decoder_would_reject_it()
    {
        Assert.Throws<ArgumentException>(() => AsapEncoder.EncodeToArray(new AsapDeregistration(default, 1)));
        Assert.Throws<ArgumentException>(() => AsapEncoder.GetEncodedLength(new AsapCookie(default)));
        Assert.Throws<ArgumentException>(() => AsapEncoder.GetEncodedLength(new AsapServerAnnounce(1, [new UdpTransport(1, default)])));
    }

    [Fact]
    public void Message_of_exactly_65532_bytes_is_encoded()
    {
        // header 4 + cookie TLV 4 + 65524 = 65532.
        var message = new AsapCookie(ValueArray.Create(new byte[65524]));

        byte[] bytes = AsapEncoder.EncodeToArray(message);

        Assert.Equal(65532, bytes.Length);
        Assert.Equal(message, AsapDecoder.Decode(bytes));
    }

    private static PoolElement AsapTransportElement() => SpecBytes.Element with
    {
        HomeServerIdentifier = 0x0a0b0c0d,
        AsapTransport = new SctpTransport(40001, TransportUse.DataOnly, [IPAddress.Parse("192.0.2.10")]),
    };
}

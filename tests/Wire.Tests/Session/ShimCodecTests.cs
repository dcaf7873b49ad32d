using System.Net;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Session;
using Xunit;

namespace RSerPool.Wire.Tests.Session;

// docs/session-shim.md: PU-PE channel shim over TCP (services draft §5.2.1), byte layout, round trips and typed errors.
public sealed class ShimCodecTests
{
    private static readonly ShimLimits Limits = ShimLimits.Default;

    public static TheoryData<string, ShimFrame> Frames => new()
    {
        { "data, ack requested", new ShimDataFrame(1, true, ValueArray.Create<byte>("hi"u8)) },
        { "data, no ack, empty", new ShimDataFrame(uint.MaxValue, false, ValueArray<byte>.Empty) },
        { "ack", new ShimAckFrame(0x01020304) },
        { "heartbeat", new ShimHeartbeatFrame(0x0102030405060708) },
        { "heartbeat ack", new ShimHeartbeatAckFrame(ulong.MaxValue) },
        { "cookie", new ShimAsapFrame(new AsapCookie(ValueArray.Create<byte>("abcd"u8))) },
        { "cookie echo, odd length", new ShimAsapFrame(new AsapCookieEcho(ValueArray.Create<byte>("state"u8))) },
        { "business card", new ShimAsapFrame(BusinessCard()) },
    };

    [Theory]
    [MemberData(nameof(Frames))]
    public void Round_trips_every_frame_type(string description, ShimFrame frame)
    {
        byte[] bytes = ShimEncoder.EncodeToArray(frame);
        Assert.Equal(ShimEncoder.GetEncodedLength(frame), bytes.Length);

        var status = ShimDecoder.TryReadFrame(bytes, Limits, out var decoded, out int consumed, out var error);

        Assert.True(status == ShimReadStatus.Frame, $"{description}: {error}");
        Assert.Equal(bytes.Length, consumed);
        Assert.Equal(frame, decoded);
        Assert.Equal(frame, ShimDecoder.ReadFrame(bytes));
    }

    // The examples of docs/session-shim.md §5, byte for byte.
    [Theory]
    [InlineData("data seq 1, A, \"hi\"", "52535044" + "0000000a" + "00000001" + "01000000" + "6869")]
    [InlineData("ack seq 1", "5253504b" + "00000004" + "00000001")]
    [InlineData("heartbeat nonce 7", "52535048" + "00000008" + "0000000000000007")]
    [InlineData("heartbeat ack nonce 7", "52535041" + "00000008" + "0000000000000007")]
    [InlineData("ASAP cookie \"abcd\"", "0000000b" + "0000000c" + "0b00000c" + "000d0008" + "61626364")]
    [InlineData("exchange: DATA #1 A \"ping1\"", "52535044" + "0000000d" + "00000001" + "01000000" + "70696e6731")]
    [InlineData("exchange: DATA #1 \"P:ping1\"", "52535044" + "0000000f" + "00000001" + "00000000" + "503a70696e6731")]
    [InlineData("exchange: ASAP cookie \"P:1\\0\"", "0000000b" + "0000000c" + "0b00000c" + "000d0008" + "503a3100")]
    public void Documented_examples_match_the_encoder(string description, string hex)
    {
        byte[] expected = Convert.FromHexString(hex);
        ShimFrame frame = ShimDecoder.ReadFrame(expected);
        Assert.True(expected.AsSpan().SequenceEqual(ShimEncoder.EncodeToArray(frame)), description);
    }

    [Fact]
    public void Data_frame_layout_puts_sequence_flags_and_bytes_after_the_header()
    {
        byte[] bytes = ShimEncoder.EncodeToArray(new ShimDataFrame(0xA1B2C3D4, true, ValueArray.Create<byte>([0xEE])));
        Assert.Equal("52535044" + "00000009" + "a1b2c3d4" + "01000000" + "ee", Convert.ToHexStringLower(bytes));
    }

    [Fact]
    public void Reserved_data_flag_bits_are_ignored_on_receipt()
    {
        byte[] bytes = Convert.FromHexString("52535044" + "00000008" + "00000005" + "fe" + "ffffff");
        var frame = Assert.IsType<ShimDataFrame>(ShimDecoder.ReadFrame(bytes));
        Assert.False(frame.AckRequested);
        Assert.Equal(5u, frame.Sequence);
    }

    [Fact]
    public void Every_split_point_of_a_stream_yields_the_same_frames()
    {
        ShimFrame[] frames =
        [
            new ShimDataFrame(1, true, ValueArray.Create<byte>("first"u8)),
            new ShimAsapFrame(new AsapCookie(ValueArray.Create<byte>("cook"u8))),
            new ShimHeartbeatFrame(9),
            new ShimAckFrame(1),
            new ShimDataFrame(2, false, ValueArray.Create<byte>("second message"u8)),
        ];
        byte[] stream = frames.SelectMany(ShimEncoder.EncodeToArray).ToArray();

        for (int split = 0; split <= stream.Length; split++)
        {
            var decoded = new List<ShimFrame>();
            int offset = 0;
            // first the prefix only, then the whole stream, as a socket would deliver it
            foreach (int available in new[] { split, stream.Length })
            {
                while (true)
                {
                    var window = stream.AsSpan(offset, available - offset);
                    var status = ShimDecoder.TryReadFrame(window, Limits, out var frame, out int consumed, out var error);
                    Assert.NotEqual(ShimReadStatus.Malformed, status);
                    if (status == ShimReadStatus.NeedMoreData)
                    {
                        Assert.Equal(0, consumed);
                        break;
                    }

                    Assert.InRange(consumed, ShimDecoder.HeaderLength, window.Length);
                    decoded.Add(frame!);
                    offset += consumed;
                }
            }

            Assert.Equal(frames, decoded);
            Assert.Equal(stream.Length, offset);
        }
    }

    [Theory]
    [InlineData("unknown PPID", "00000001" + "00000000", ShimErrorReason.UnknownPayloadProtocol, 0)]
    [InlineData("unknown PPID, body not yet read", "99999999" + "00000010", ShimErrorReason.UnknownPayloadProtocol, 0)]
    [InlineData("length over maximum, no body yet", "52535044" + "00000400", ShimErrorReason.LengthOverMaximum, 4)]
    [InlineData("length 0xffffffff", "0000000b" + "ffffffff", ShimErrorReason.LengthOverMaximum, 4)]
    [InlineData("data shorter than its fixed fields", "52535044" + "00000004" + "00000001", ShimErrorReason.PayloadTooShort, 4)]
    [InlineData("ack of 8 bytes", "5253504b" + "00000008" + "0000000000000001", ShimErrorReason.PayloadLengthMismatch, 4)]
    [InlineData("heartbeat of 4 bytes", "52535048" + "00000004" + "00000001", ShimErrorReason.PayloadLengthMismatch, 4)]
    [InlineData("heartbeat ack of 0 bytes", "52535041" + "00000000", ShimErrorReason.PayloadLengthMismatch, 4)]
    [InlineData("ASAP message of unknown type", "0000000b" + "00000004" + "ff000004", ShimErrorReason.InvalidAsapMessage, 8)]
    [InlineData("ASAP length beyond the frame", "0000000b" + "00000004" + "0b000010", ShimErrorReason.InvalidAsapMessage, 8)]
    [InlineData("ASAP frame with empty payload", "0000000b" + "00000000", ShimErrorReason.InvalidAsapMessage, 8)]
    public void Malformed_frames_fail_with_reason_and_offset(string description, string hex, ShimErrorReason reason, int minimumOffset)
    {
        byte[] bytes = Convert.FromHexString(hex);
        var limits = Limits with { MaxFrameLength = 1024 };

        var status = ShimDecoder.TryReadFrame(bytes, limits, out var frame, out int consumed, out var error);

        Assert.True(status == ShimReadStatus.Malformed, description);
        Assert.Null(frame);
        Assert.Equal(0, consumed);
        Assert.Equal(reason, error.Reason);
        Assert.InRange(error.Offset, minimumOffset, bytes.Length);
        if (reason == ShimErrorReason.InvalidAsapMessage)
        {
            Assert.False(error.AsapError.IsSuccess);
            Assert.Equal(ShimDecoder.HeaderLength + error.AsapError.Offset, error.Offset);
        }
        else
        {
            Assert.Equal(minimumOffset, error.Offset);
        }

        var thrown = Assert.Throws<ShimFormatException>(() => ShimDecoder.ReadFrame(bytes, limits));
        Assert.Equal(error, thrown.Error);
    }

    [Fact]
    public void Maximum_frame_length_counts_the_header()
    {
        var limits = Limits with { MaxFrameLength = ShimDecoder.HeaderLength + ShimDecoder.DataFixedLength + 4 };
        byte[] fits = ShimEncoder.EncodeToArray(new ShimDataFrame(1, false, ValueArray.Create<byte>([1, 2, 3, 4])));
        byte[] tooLong = ShimEncoder.EncodeToArray(new ShimDataFrame(1, false, ValueArray.Create<byte>([1, 2, 3, 4, 5])));

        Assert.Equal(ShimReadStatus.Frame, ShimDecoder.TryReadFrame(fits, limits, out _, out _, out _));
        Assert.Equal(ShimReadStatus.Malformed, ShimDecoder.TryReadFrame(tooLong.AsSpan(0, ShimDecoder.HeaderLength), limits, out _, out _, out var error));
        Assert.Equal(ShimErrorReason.LengthOverMaximum, error.Reason);
        Assert.Equal(13, error.DeclaredLength);
    }

    [Fact]
    public void Read_frame_rejects_truncated_and_trailing_bytes()
    {
        byte[] bytes = ShimEncoder.EncodeToArray(new ShimAckFrame(3));
        var truncated = Assert.Throws<ShimFormatException>(() => ShimDecoder.ReadFrame(bytes.AsSpan(0, bytes.Length - 1)));
        Assert.Equal(ShimErrorReason.PayloadTooShort, truncated.Reason);

        byte[] trailing = [.. bytes, 0];
        var extra = Assert.Throws<ShimFormatException>(() => ShimDecoder.ReadFrame(trailing));
        Assert.Equal(ShimErrorReason.PayloadLengthMismatch, extra.Reason);
        Assert.Equal(bytes.Length, extra.Offset);
    }

    [Fact]
    public void Truncated_and_mutated_input_never_throws_and_never_overreads()
    {
        byte[][] seeds = Frames.Select(row => ShimEncoder.EncodeToArray((ShimFrame)row[1])).ToArray();
        for (int seed = 0; seed < 2000; seed++)
        {
            var random = new Random(seed);
            byte[] source = seeds[random.Next(seeds.Length)];
            byte[] bytes = source.ToArray();
            int mutations = random.Next(0, 4);
            for (int m = 0; m < mutations; m++)
            {
                bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
            }

            int length = random.Next(bytes.Length + 1);
            byte[] exact = bytes.AsSpan(0, length).ToArray();     // exact slice: an overread would throw
            try
            {
                var status = ShimDecoder.TryReadFrame(exact, Limits, out var frame, out int consumed, out var error);
                Assert.True(consumed <= exact.Length, $"seed {seed}");
                Assert.Equal(status == ShimReadStatus.Frame, frame is not null);
                Assert.Equal(status == ShimReadStatus.Malformed, error.IsError);
            }
            catch (Exception e)
            {
                Assert.Fail($"seed {seed}: TryReadFrame threw {e}");
            }

            try
            {
                ShimDecoder.ReadFrame(exact);
            }
            catch (ShimFormatException)
            {
                // the only exception the throwing form may raise
            }
        }
    }

    private static AsapBusinessCard BusinessCard() => new(
        PoolHandle.FromString("echo"),
        [
            new PoolElement(
                0x1234,
                0,
                30000,
                new TcpTransport(9000, TransportUse.DataPlusControl, [IPAddress.Loopback]),
                PoolMemberSelectionPolicy.RoundRobin()),
        ]);
}

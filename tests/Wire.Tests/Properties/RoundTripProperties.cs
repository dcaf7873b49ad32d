using System.Buffers;
using RSerPool.Wire.Framing;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Properties;

// decode(encode(x)) == x and encode(decode(encode(x))) == encode(x) for random messages of every ASAP
// (RFC 5352 §2) and ENRP (RFC 5353 §2) type.
public sealed class RoundTripProperties
{
    private const int MessagesPerType = 400;

    public static TheoryData<AsapMessageType> AsapTypes => new(MessageGenerator.AsapTypes);

    public static TheoryData<EnrpMessageType> EnrpTypes => new(MessageGenerator.EnrpTypes);

    [Theory]
    [MemberData(nameof(AsapTypes))]
    public void Asap_message_survives_encode_then_decode(AsapMessageType type)
    {
        int seed = FuzzSettings.SeedFor(1000 + (int)type);
        var generator = new MessageGenerator(seed);
        for (int i = 0; i < MessagesPerType * FuzzSettings.Scale; i++)
        {
            AsapMessage original = generator.NextAsap(type);
            AssertRoundTrip(original, seed, i);
        }
    }

    [Theory]
    [MemberData(nameof(EnrpTypes))]
    public void Enrp_message_survives_encode_then_decode(EnrpMessageType type)
    {
        int seed = FuzzSettings.SeedFor(2000 + (int)type);
        var generator = new MessageGenerator(seed);
        for (int i = 0; i < MessagesPerType * FuzzSettings.Scale; i++)
        {
            EnrpMessage original = generator.NextEnrp(type);
            AssertRoundTrip(original, seed, i);
        }
    }

    [Fact]
    public void Wireshark_clean_generator_output_also_round_trips()
    {
        int seed = FuzzSettings.SeedFor(3000);
        var generator = new MessageGenerator(seed, wiresharkClean: true);
        for (int i = 0; i < 2000 * FuzzSettings.Scale; i++)
        {
            AssertRoundTrip(i % 2 == 0 ? generator.NextAsap() : generator.NextEnrp(), seed, i);
        }
    }

    [Fact]
    public void Generator_covers_all_18_policy_codes_and_all_five_transports()
    {
        // Guards the generator itself: a property over "random messages" means little if it never draws a case.
        var generator = new MessageGenerator(FuzzSettings.SeedFor(4000));
        var policies = new HashSet<PolicyType>();
        var transports = new HashSet<Type>();
        for (int i = 0; i < 5000; i++)
        {
            policies.Add(generator.Policy().Type);
            transports.Add(generator.Transport().GetType());
        }

        Assert.Superset(new HashSet<PolicyType>(MessageGenerator.AllPolicyTypes), policies);
        Assert.Equal(18, MessageGenerator.AllPolicyTypes.Length);
        Assert.Equal(5, transports.Count);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Largest_cookie_fills_the_16_bit_message_length_and_one_byte_more_cannot_be_encoded(bool echo)
    {
        // docs/protocol-notes.md §3: Message Length is 16 bits and every message is padded to 4, so a message holds at most
        // 65532 bytes: header (4) + Cookie parameter header (4) + 65524 cookie bytes.
        const int LargestCookie = 65532 - 8;
        var random = new Random(FuzzSettings.SeedFor(5000));
        byte[] cookie = new byte[LargestCookie + 1];
        random.NextBytes(cookie);
        AsapMessage Make(int length) => echo
            ? new AsapCookieEcho(ValueArray.Create<byte>(cookie.AsSpan(0, length)))
            : new AsapCookie(ValueArray.Create<byte>(cookie.AsSpan(0, length)));

        byte[] encoded = WireCodec.Encode(Make(LargestCookie));

        Assert.Equal(65532, encoded.Length);
        AssertRoundTrip(Make(LargestCookie), 5000, 0);
        Assert.Throws<ArgumentException>(() => WireCodec.Encode(Make(LargestCookie + 1)));
        var stream = new ReadOnlySequence<byte>(encoded);
        Assert.Equal(FrameReadStatus.Frame, FrameSplitter.TryReadFrame(ref stream, WireLimits.Default, out var frame, out _));
        Assert.Equal(encoded.Length, frame.Length);
    }

    internal static void AssertRoundTrip(object original, int seed, int iteration)
    {
        bool enrp = WireCodec.IsEnrp(original);
        byte[] encoded = WireCodec.Encode(original);
        string context = $"seed {seed}, iteration {iteration}, {original.GetType().Name}";
        Assert.True(WireCodec.GetEncodedLength(original) == encoded.Length, $"{context}: GetEncodedLength disagrees with the encoding");
        if ((iteration & 7) == 0)
        {
            Assert.True(encoded.AsSpan().SequenceEqual(WireCodec.EncodeToBufferWriter(original)), $"{context}: IBufferWriter encoding differs");
        }

        bool decoded = WireCodec.TryDecode(enrp, encoded, out object? copy, out var error);
        Assert.True(decoded, $"{context}: {error}\n bytes: {Hex.Format(encoded)}\n record: {original}");
        Assert.True(original.Equals(copy), $"{context}: decode(encode(x)) != x\n x:      {original}\n copy:   {copy}\n bytes: {Hex.Format(encoded)}");

        byte[] again = WireCodec.Encode(copy!);
        Assert.True(encoded.AsSpan().SequenceEqual(again), $"{context}: re-encoding differs\n first:  {Hex.Format(encoded)}\n second: {Hex.Format(again)}");
        Assert.True(encoded.Length % 4 == 0, $"{context}: {encoded.Length} bytes is not a multiple of 4");
        Assert.Equal(encoded.Length, (encoded[2] << 8) | encoded[3]);
    }
}

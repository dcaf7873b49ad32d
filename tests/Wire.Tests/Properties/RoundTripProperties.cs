using System.Buffers;
using FsCheck;
using FsCheck.Fluent;
using RSerPool.Wire.Framing;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Properties;

// decode(encode(x)) == x and encode(decode(encode(x))) == encode(x) for random messages of every ASAP
// (RFC 5352 §2) and ENRP (RFC 5353 §2) type. The message type is drawn uniformly; FsCheck prints the share of the
// cases each type got (at least 400 cases each with the fixed seeds). Classify, not Collect: Collect formats every
// value with sprintf "%A", which costs more than the round trip itself.
public sealed class RoundTripProperties
{
    [FuzzProperty(cases: 14 * 500, seed: 1000)]
    public Property Asap_message_survives_encode_then_decode() =>
        Prop.ForAll(Arb.From(MessageGen.Any.AnyAsap), message => RoundTrip(message).Classify(true, message.Type.ToString()));

    [FuzzProperty(cases: 10 * 500, seed: 2000)]
    public Property Enrp_message_survives_encode_then_decode() =>
        Prop.ForAll(Arb.From(MessageGen.Any.AnyEnrp), message => RoundTrip(message).Classify(true, message.Type.ToString()));

    [FuzzProperty(cases: 2000, seed: 3000)]
    public Property Wireshark_clean_generator_output_also_round_trips() =>
        Prop.ForAll(Arb.From(MessageGen.WiresharkClean.AnyMessage), AssertRoundTrip);

    [Fact]
    public void Generator_covers_all_18_policy_codes_and_all_five_transports()
    {
        // Guards the generator itself: a property over "random messages" means little if it never draws a case.
        ParameterGen parameters = ParameterGen.Any;
        var policies = Gen.Sample(parameters.Policy, 5000, FuzzSettings.RndFor(4000), size: 100).Select(p => p.Type).ToHashSet();
        var transports = Gen.Sample(parameters.Transport, 5000, FuzzSettings.RndFor(4001), size: 100).Select(t => t.GetType()).ToHashSet();

        Assert.Superset(new HashSet<PolicyType>(ParameterGen.AllPolicyTypes), policies);
        Assert.Equal(18, ParameterGen.AllPolicyTypes.Length);
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
        byte[] cookie = Gen.Sample(PrimitiveGen.Bytes(LargestCookie + 1), 1, FuzzSettings.RndFor(5000), size: 100)[0];
        AsapMessage Make(int length) => echo
            ? new AsapCookieEcho(ValueArray.Create<byte>(cookie.AsSpan(0, length)))
            : new AsapCookie(ValueArray.Create<byte>(cookie.AsSpan(0, length)));

        byte[] encoded = WireCodec.Encode(Make(LargestCookie));

        Assert.Equal(65532, encoded.Length);
        AssertRoundTrip(Make(LargestCookie));
        Assert.Throws<ArgumentException>(() => WireCodec.Encode(Make(LargestCookie + 1)));
        var stream = new ReadOnlySequence<byte>(encoded);
        Assert.Equal(FrameReadStatus.Frame, FrameSplitter.TryReadFrame(ref stream, WireLimits.Default, out var frame, out _));
        Assert.Equal(encoded.Length, frame.Length);
    }

    internal static void AssertRoundTrip(object original)
    {
        bool enrp = WireCodec.IsEnrp(original);
        byte[] encoded = WireCodec.Encode(original);
        string context = original.GetType().Name;
        Expect.True(WireCodec.GetEncodedLength(original) == encoded.Length, () => $"{context}: GetEncodedLength disagrees with the encoding");
        Expect.True(encoded.AsSpan().SequenceEqual(WireCodec.EncodeToBufferWriter(original)), () => $"{context}: IBufferWriter encoding differs");

        bool decoded = WireCodec.TryDecode(enrp, encoded, out object? copy, out var error);
        Expect.True(decoded, () => $"{context}: {error}\n bytes: {Hex.Format(encoded)}\n record: {original}");
        Expect.True(original.Equals(copy), () => $"{context}: decode(encode(x)) != x\n x:      {original}\n copy:   {copy}\n bytes: {Hex.Format(encoded)}");

        byte[] again = WireCodec.Encode(copy!);
        Expect.True(encoded.AsSpan().SequenceEqual(again), () => $"{context}: re-encoding differs\n first:  {Hex.Format(encoded)}\n second: {Hex.Format(again)}");
        Expect.True(encoded.Length % 4 == 0, () => $"{context}: {encoded.Length} bytes is not a multiple of 4");
        Assert.Equal(encoded.Length, (encoded[2] << 8) | encoded[3]);
    }

    private static Action RoundTrip(object message) => () => AssertRoundTrip(message);
}

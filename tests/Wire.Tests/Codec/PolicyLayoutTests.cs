using System.Net;
using RSerPool.Wire.Codec;
using RSerPool.Wire.Errors;
using RSerPool.Wire.Messages.Asap;
using RSerPool.Wire.Messages.Enrp;
using RSerPool.Wire.Parameters;
using RSerPool.Wire.Tests.Support;
using Xunit;

namespace RSerPool.Wire.Tests.Codec;

// Every policy layout of docs/protocol-notes.md §13: value order, named accessors, too-short value parts rejected,
// extra bytes kept for byte-exact re-encoding, codes without layout kept opaque.
public class PolicyLayoutTests
{
    public static TheoryData<uint, string> Layouts => new()
    {
        { 0x00000001, "" },
        { 0x00000002, "Weight" },
        { 0x00000003, "" },
        { 0x00000004, "Weight" },
        { 0x00000005, "Priority" },
        { 0x40000001, "Load" },
        { 0x40000002, "Load,LoadDegradation" },
        { 0x40000003, "Load,LoadDegradation" },
        { 0x40000004, "Load" },
        { 0xB0001001, "Load,LoadDegradation" },
        { 0xB0001002, "Load,LoadDegradation" },
        { 0xB0001003, "Load,LoadDegradation" },
        { 0xB0001004, "Load,LoadDegradation" },
        { 0xB0002001, "Weight,WeightDpf,Distance" },
        { 0xB0002002, "Load,LoadDpf,Distance" },
        { 0xB0002003, "Load,LoadDegradation,LoadDpf,Distance" },
    };

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Values_decode_in_layout_order_with_named_accessors(uint code, string kinds)
    {
        PolicyValueKind[] layout = Parse(kinds);
        uint[] values = [.. Enumerable.Range(1, layout.Length).Select(i => 0x01010101u * (uint)i)];

        PoolMemberSelectionPolicy policy = DecodePolicy(PolicyHex(code, values, ""));

        Assert.Equal((PolicyType)code, policy.Type);
        Assert.True(policy.IsKnownType);
        Assert.Equal(values, policy.Values.ToArray());
        Assert.True(policy.TrailingBytes.IsEmpty);
        foreach (PolicyValueKind kind in Enum.GetValues<PolicyValueKind>())
        {
            int index = Array.IndexOf(layout, kind);
            Assert.Equal(index >= 0 ? values[index] : null, policy.Get(kind));
        }

        Assert.Equal(policy.Get(PolicyValueKind.Weight), policy.Weight);
        Assert.Equal(policy.Get(PolicyValueKind.Priority), policy.Priority);
        Assert.Equal(policy.Get(PolicyValueKind.Load), policy.Load);
        Assert.Equal(policy.Get(PolicyValueKind.LoadDegradation), policy.LoadDegradation);
        Assert.Equal(policy.Get(PolicyValueKind.LoadDpf), policy.LoadDpf);
        Assert.Equal(policy.Get(PolicyValueKind.WeightDpf), policy.WeightDpf);
        Assert.Equal(policy.Get(PolicyValueKind.Distance), policy.Distance);
        Assert.Equal(Factory((PolicyType)code, values), policy);
    }

    public static TheoryData<uint, string> LayoutsWithValues
    {
        get
        {
            var data = new TheoryData<uint, string>();
            foreach (object[] row in Layouts)
            {
                if (((string)row[1]).Length > 0)
                {
                    data.Add((uint)row[0], (string)row[1]);
                }
            }

            return data;
        }
    }

    [Theory]
    [MemberData(nameof(LayoutsWithValues))]
    public void Value_part_shorter_than_the_layout_is_rejected(uint code, string kinds)
    {
        PolicyValueKind[] layout = Parse(kinds);
        uint[] values = new uint[layout.Length - 1];

        DecodeError error = DecodeFailure(PolicyHex(code, values, ""));

        Assert.Equal(DecodeStatus.PolicyTooShort, error.Status);
        Assert.Equal(ErrorCauseCode.InvalidValues, error.ResponseCause);
        Assert.Equal(48, error.ParameterOffset);
        Assert.Equal(8 + (4 * values.Length), error.ParameterLength);
    }

    [Theory]
    [MemberData(nameof(Layouts))]
    public void Extra_bytes_are_kept_and_re_encoded_byte_for_byte(uint code, string kinds)
    {
        uint[] values = new uint[Parse(kinds).Length];
        Array.Fill(values, 0x40000000u);
        byte[] bytes = RegistrationBytes(PolicyHex(code, values, "abcdef"));

        var message = Assert.IsType<AsapRegistration>(AsapDecoder.Decode(bytes));

        Assert.Equal(ValueArray.FromHex("abcdef"), message.PoolElement.Policy.TrailingBytes);
        Assert.Equal(values, message.PoolElement.Policy.Values.ToArray());
        Assert.Equal(bytes, AsapEncoder.EncodeToArray(message));
    }

    [Theory]
    [InlineData(0xB0002004u)]
    [InlineData(0xB0002005u)]
    [InlineData(0x12345678u)]
    [InlineData(0x40000099u)]
    public void Code_without_layout_is_kept_as_opaque_bytes(uint code)
    {
        byte[] bytes = RegistrationBytes(PolicyHex(code, [0x11111111, 0x22222222], "33"));

        var message = Assert.IsType<AsapRegistration>(AsapDecoder.Decode(bytes));

        PoolMemberSelectionPolicy policy = message.PoolElement.Policy;
        Assert.False(policy.IsKnownType);
        Assert.True(policy.Values.IsEmpty);
        Assert.Equal(ValueArray.FromHex("11111111 22222222 33"), policy.TrailingBytes);
        Assert.Null(policy.Load);
        Assert.Equal(PoolMemberSelectionPolicy.Opaque((PolicyType)code, ValueArray.FromHex("1111111122222222 33")), policy);
        Assert.Equal(bytes, AsapEncoder.EncodeToArray(message));
    }

    [Fact]
    public void Constructor_rejects_a_value_count_that_does_not_match_the_layout()
    {
        Assert.Throws<ArgumentException>(() => new PoolMemberSelectionPolicy(PolicyType.LeastUsed, [1, 2]));
        Assert.Throws<ArgumentException>(() => new PoolMemberSelectionPolicy(PolicyType.RoundRobin, [1]));
        Assert.Throws<ArgumentException>(() => new PoolMemberSelectionPolicy((PolicyType)0x12345678, [1]));
    }

    [Fact]
    public void Parameter_length_is_eight_plus_four_per_value_plus_extra()
    {
        Assert.Equal(8, PoolMemberSelectionPolicy.RoundRobin().ParameterLength);
        Assert.Equal(24, PoolMemberSelectionPolicy.LeastUsedWithDegradationAndDpf(1, 2, 3, 4).ParameterLength);
        Assert.Equal(15, new PoolMemberSelectionPolicy(PolicyType.LeastUsed, [1], ValueArray.FromHex("aabbcc")).ParameterLength);
    }

    private static PoolMemberSelectionPolicy Factory(PolicyType type, uint[] v) => type switch
    {
        PolicyType.RoundRobin => PoolMemberSelectionPolicy.RoundRobin(),
        PolicyType.WeightedRoundRobin => PoolMemberSelectionPolicy.WeightedRoundRobin(v[0]),
        PolicyType.Random => PoolMemberSelectionPolicy.Random(),
        PolicyType.WeightedRandom => PoolMemberSelectionPolicy.WeightedRandom(v[0]),
        PolicyType.Priority => PoolMemberSelectionPolicy.PriorityPolicy(v[0]),
        PolicyType.LeastUsed => PoolMemberSelectionPolicy.LeastUsed(v[0]),
        PolicyType.LeastUsedWithDegradation => PoolMemberSelectionPolicy.LeastUsedWithDegradation(v[0], v[1]),
        PolicyType.PriorityLeastUsed => PoolMemberSelectionPolicy.PriorityLeastUsed(v[0], v[1]),
        PolicyType.RandomizedLeastUsed => PoolMemberSelectionPolicy.RandomizedLeastUsed(v[0]),
        PolicyType.RandomizedPriorityLeastUsed => PoolMemberSelectionPolicy.RandomizedPriorityLeastUsed(v[0], v[1]),
        PolicyType.RandomizedLeastUsedWithDegradation => PoolMemberSelectionPolicy.RandomizedLeastUsedWithDegradation(v[0], v[1]),
        PolicyType.PriorityLeastUsedWithDegradation => PoolMemberSelectionPolicy.PriorityLeastUsedWithDegradation(v[0], v[1]),
        PolicyType.RandomizedPriorityLeastUsedWithDegradation => PoolMemberSelectionPolicy.RandomizedPriorityLeastUsedWithDegradation(v[0], v[1]),
        PolicyType.WeightedRandomWithDpf => PoolMemberSelectionPolicy.WeightedRandomWithDpf(v[0], v[1], v[2]),
        PolicyType.LeastUsedWithDpf => PoolMemberSelectionPolicy.LeastUsedWithDpf(v[0], v[1], v[2]),
        PolicyType.LeastUsedWithDegradationAndDpf => PoolMemberSelectionPolicy.LeastUsedWithDegradationAndDpf(v[0], v[1], v[2], v[3]),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    private static PolicyValueKind[] Parse(string kinds) =>
        kinds.Length == 0 ? [] : [.. kinds.Split(',').Select(Enum.Parse<PolicyValueKind>)];

    // Policy TLV by hand: type 0x0008, length 8 + 4n + extra, then padding.
    private static string PolicyHex(uint code, uint[] values, string extraHex)
    {
        int extra = extraHex.Length / 2;
        int length = 8 + (4 * values.Length) + extra;
        string hex = $"0008 {length:x4} {code:x8} " + string.Join(" ", values.Select(v => v.ToString("x8", System.Globalization.CultureInfo.InvariantCulture))) + " " + extraHex;
        return hex + new string('0', 2 * ((4 - (length % 4)) % 4));
    }

    // Registration: header 4 + handle 12 + PE (4 + 12 + SCTP 16 + policy padded); policy starts at offset 48.
    private static byte[] RegistrationBytes(string policyHex)
    {
        int policyPadded = Hex.Parse(policyHex).Length;
        int peLength = 4 + 12 + 16 + policyPadded;
        int messageLength = 4 + 12 + peLength;
        return Hex.Parse($"01 00 {messageLength:x4} " + SpecBytes.PoolHandleEchoPool +
            $" 000a {peLength:x4} 1a2b3c4d 00000000 00015f90 " + SpecBytes.SctpTransport5001 + " " + policyHex);
    }

    private static PoolMemberSelectionPolicy DecodePolicy(string policyHex) =>
        Assert.IsType<AsapRegistration>(AsapDecoder.Decode(RegistrationBytes(policyHex))).PoolElement.Policy;

    private static DecodeError DecodeFailure(string policyHex)
    {
        Assert.False(AsapDecoder.TryDecode(RegistrationBytes(policyHex), out _, out DecodeError error));
        return error;
    }
}

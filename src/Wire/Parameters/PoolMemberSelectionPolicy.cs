// Pool Member Selection Policy parameter (RFC 5354 §3.8, RFC 5356, docs/protocol-notes.md §13):
//  0                   1                   2                   3
// +-------------------------------+-------------------------------+
// |     Type = 0x0008             |     Length = 8 + 4*n (+extra) |
// +-------------------------------+-------------------------------+
// |                     Policy Type (32 bits)                     |
// +---------------------------------------------------------------+
// |        n policy-specific 32-bit values (layout per type)      |
// +---------------------------------------------------------------+
namespace RSerPool.Wire.Parameters;

/// <summary>
/// A policy and its values. <see cref="Values"/> holds exactly the values of the type's layout
/// (<see cref="PolicyLayout"/>), in wire order. <see cref="TrailingBytes"/> keeps whatever follows them verbatim,
/// so a re-encoded parameter is byte-identical: extra bytes after a known layout, or the whole value part of a code
/// without a known layout (unknown codes, 0xB0002004, 0xB0002005), which is kept opaque and not rejected.
/// </summary>
public sealed record PoolMemberSelectionPolicy
{
    /// <exception cref="ArgumentException">Values do not match the layout of a known type, or a type without layout has values.</exception>
    public PoolMemberSelectionPolicy(PolicyType type, ValueArray<uint> values = default, ValueArray<byte> trailingBytes = default)
    {
        int expected = PolicyLayout.TryGet(type, out ReadOnlySpan<PolicyValueKind> layout) ? layout.Length : 0;
        if (values.Count != expected)
        {
            throw new ArgumentException($"Policy 0x{(uint)type:x8} takes {expected} value(s), got {values.Count}.", nameof(values));
        }

        Type = type;
        Values = values;
        TrailingBytes = trailingBytes;
    }

    public PolicyType Type { get; }

    /// <summary>The layout values in wire order (empty for a code without a known layout).</summary>
    public ValueArray<uint> Values { get; }

    /// <summary>Bytes after the layout values, kept for byte-exact re-encoding (normally empty).</summary>
    public ValueArray<byte> TrailingBytes { get; }

    /// <summary>True when <see cref="Type"/> has a known value layout.</summary>
    public bool IsKnownType => PolicyLayout.IsKnown(Type);

    /// <summary>Parameter Length on the wire: 8 + 4n + trailing bytes.</summary>
    public int ParameterLength => 8 + (4 * Values.Count) + TrailingBytes.Count;

    public uint? Weight => Get(PolicyValueKind.Weight);

    public uint? Priority => Get(PolicyValueKind.Priority);

    public uint? Load => Get(PolicyValueKind.Load);

    public uint? LoadDegradation => Get(PolicyValueKind.LoadDegradation);

    public uint? LoadDpf => Get(PolicyValueKind.LoadDpf);

    public uint? WeightDpf => Get(PolicyValueKind.WeightDpf);

    public uint? Distance => Get(PolicyValueKind.Distance);

    /// <summary>The value of <paramref name="kind"/>, or null when the type's layout has none.</summary>
    public uint? Get(PolicyValueKind kind)
    {
        if (!PolicyLayout.TryGet(Type, out ReadOnlySpan<PolicyValueKind> layout))
        {
            return null;
        }

        int index = layout.IndexOf(kind);
        return index >= 0 && index < Values.Count ? Values[index] : null;
    }

    // Prints the type and its named values (e.g. "Type = LeastUsed, Load = 1073741824") instead of every accessor.
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append("Type = ").Append(Enum.IsDefined(Type) ? Type.ToString() : $"0x{(uint)Type:x8}");
        if (PolicyLayout.TryGet(Type, out ReadOnlySpan<PolicyValueKind> layout))
        {
            for (int i = 0; i < layout.Length && i < Values.Count; i++)
            {
                builder.Append(", ").Append(layout[i]).Append(" = ").Append(Values[i]);
            }
        }

        if (!TrailingBytes.IsEmpty)
        {
            builder.Append(", TrailingBytes = ").Append(TrailingBytes);
        }

        return true;
    }

    public static PoolMemberSelectionPolicy RoundRobin() => new(PolicyType.RoundRobin);

    public static PoolMemberSelectionPolicy WeightedRoundRobin(uint weight) => new(PolicyType.WeightedRoundRobin, [weight]);

    public static PoolMemberSelectionPolicy Random() => new(PolicyType.Random);

    public static PoolMemberSelectionPolicy WeightedRandom(uint weight) => new(PolicyType.WeightedRandom, [weight]);

    /// <summary>Priority (0x00000005); named so because <see cref="Priority"/> is the value accessor.</summary>
    public static PoolMemberSelectionPolicy PriorityPolicy(uint priority) => new(PolicyType.Priority, [priority]);

    public static PoolMemberSelectionPolicy LeastUsed(uint load) => new(PolicyType.LeastUsed, [load]);

    public static PoolMemberSelectionPolicy LeastUsedWithDegradation(uint load, uint loadDegradation) =>
        new(PolicyType.LeastUsedWithDegradation, [load, loadDegradation]);

    public static PoolMemberSelectionPolicy PriorityLeastUsed(uint load, uint loadDegradation) =>
        new(PolicyType.PriorityLeastUsed, [load, loadDegradation]);

    public static PoolMemberSelectionPolicy RandomizedLeastUsed(uint load) => new(PolicyType.RandomizedLeastUsed, [load]);

    public static PoolMemberSelectionPolicy RandomizedPriorityLeastUsed(uint load, uint loadDegradation) =>
        new(PolicyType.RandomizedPriorityLeastUsed, [load, loadDegradation]);

    public static PoolMemberSelectionPolicy RandomizedLeastUsedWithDegradation(uint load, uint loadDegradation) =>
        new(PolicyType.RandomizedLeastUsedWithDegradation, [load, loadDegradation]);

    public static PoolMemberSelectionPolicy PriorityLeastUsedWithDegradation(uint load, uint loadDegradation) =>
        new(PolicyType.PriorityLeastUsedWithDegradation, [load, loadDegradation]);

    public static PoolMemberSelectionPolicy RandomizedPriorityLeastUsedWithDegradation(uint load, uint loadDegradation) =>
        new(PolicyType.RandomizedPriorityLeastUsedWithDegradation, [load, loadDegradation]);

    public static PoolMemberSelectionPolicy WeightedRandomWithDpf(uint weight, uint weightDpf, uint distance) =>
        new(PolicyType.WeightedRandomWithDpf, [weight, weightDpf, distance]);

    public static PoolMemberSelectionPolicy LeastUsedWithDpf(uint load, uint loadDpf, uint distance) =>
        new(PolicyType.LeastUsedWithDpf, [load, loadDpf, distance]);

    public static PoolMemberSelectionPolicy LeastUsedWithDegradationAndDpf(uint load, uint loadDegradation, uint loadDpf, uint distance) =>
        new(PolicyType.LeastUsedWithDegradationAndDpf, [load, loadDegradation, loadDpf, distance]);

    /// <summary>A policy code without a known layout, with its value part kept as opaque bytes.</summary>
    public static PoolMemberSelectionPolicy Opaque(PolicyType type, ValueArray<byte> valueBytes) => new(type, default, valueBytes);
}

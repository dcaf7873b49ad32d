// Value layouts of the policy codes with a known layout (docs/protocol-notes.md §13, table of codes and value layouts).
namespace RSerPool.Wire.Parameters;

/// <summary>The ordered 32-bit values that follow the Policy Type for each known policy code.</summary>
public static class PolicyLayout
{
    private static readonly PolicyValueKind[] None = [];
    private static readonly PolicyValueKind[] WeightOnly = [PolicyValueKind.Weight];
    private static readonly PolicyValueKind[] PriorityOnly = [PolicyValueKind.Priority];
    private static readonly PolicyValueKind[] LoadOnly = [PolicyValueKind.Load];
    private static readonly PolicyValueKind[] LoadAndDegradation = [PolicyValueKind.Load, PolicyValueKind.LoadDegradation];
    private static readonly PolicyValueKind[] WeightDpf = [PolicyValueKind.Weight, PolicyValueKind.WeightDpf, PolicyValueKind.Distance];
    private static readonly PolicyValueKind[] LoadDpf = [PolicyValueKind.Load, PolicyValueKind.LoadDpf, PolicyValueKind.Distance];
    private static readonly PolicyValueKind[] LoadDegradationDpf =
        [PolicyValueKind.Load, PolicyValueKind.LoadDegradation, PolicyValueKind.LoadDpf, PolicyValueKind.Distance];

    /// <summary>
    /// The value layout of <paramref name="type"/>, or false for a code without a wire layout
    /// (unknown codes, and 0xB0002004/0xB0002005 which RSPLIB never puts on the wire).
    /// </summary>
    public static bool TryGet(PolicyType type, out ReadOnlySpan<PolicyValueKind> layout)
    {
        PolicyValueKind[]? values = Lookup(type);
        layout = values;
        return values is not null;
    }

    /// <summary>True when the code has a known value layout.</summary>
    public static bool IsKnown(PolicyType type) => Lookup(type) is not null;

    private static PolicyValueKind[]? Lookup(PolicyType type) => type switch
    {
        PolicyType.RoundRobin or PolicyType.Random => None,
        PolicyType.WeightedRoundRobin or PolicyType.WeightedRandom => WeightOnly,
        PolicyType.Priority => PriorityOnly,
        PolicyType.LeastUsed or PolicyType.RandomizedLeastUsed => LoadOnly,
        PolicyType.LeastUsedWithDegradation or PolicyType.PriorityLeastUsed
            or PolicyType.RandomizedPriorityLeastUsed or PolicyType.RandomizedLeastUsedWithDegradation
            or PolicyType.PriorityLeastUsedWithDegradation or PolicyType.RandomizedPriorityLeastUsedWithDegradation
            => LoadAndDegradation,
        PolicyType.WeightedRandomWithDpf => WeightDpf,
        PolicyType.LeastUsedWithDpf => LoadDpf,
        PolicyType.LeastUsedWithDegradationAndDpf => LoadDegradationDpf,
        _ => null,
    };
}

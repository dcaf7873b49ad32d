// Clamping rules of docs/protocol-notes.md §13: 64-bit intermediate sums clamped to [0, 0xFFFFFFFF] for keys and to
// [1, 0xFFFFFFFF] for random selection values; DPF products of §3.4.
namespace RSerPool.Actors.Handlespace.Policies;

internal static class PolicyMath
{
    public const ulong MaxValue = 0xFFFFFFFF;

    /// <summary>A key: the sum clamped to [0, 0xFFFFFFFF].</summary>
    public static ulong Key(long sum) => (ulong)Math.Clamp(sum, 0, (long)MaxValue);

    /// <summary>A random selection value: clamped to [1, 0xFFFFFFFF].</summary>
    public static ulong RandomValue(long sum) => (ulong)Math.Clamp(sum, 1, (long)MaxValue);

    /// <summary>Distance × DPF (docs/protocol-notes.md §13: Distance × dpf × 0xFFFFFFFF with dpf = DPF / 0xFFFFFFFF), saturated.</summary>
    public static long DistancePenalty(uint distance, uint dpf)
    {
        ulong product = (ulong)distance * dpf;
        return product > (ulong)long.MaxValue / 2 ? long.MaxValue / 2 : (long)product;
    }

    /// <summary>round(weight × distance × dpf), dpf = weightDpf / 0xFFFFFFFF (docs/protocol-notes.md §13 WRAND-DPF).</summary>
    public static long WeightPenalty(uint weight, uint distance, uint weightDpf)
    {
        UInt128 numerator = (UInt128)((ulong)weight * distance) * weightDpf;
        UInt128 rounded = (numerator + (MaxValue / 2)) / MaxValue;
        return rounded > (UInt128)(long.MaxValue / 2) ? long.MaxValue / 2 : (long)(ulong)rounded;
    }
}

// Heap priorities for the intrusive treaps: fixed pseudo-random mixes of values that are unique within one tree,
// so no per-entry storage is needed and equal priorities (which would unbalance the tree) are practically absent.
namespace RSerPool.Actors.Handlespace;

internal static class TreapPriority
{
    /// <summary>A bijective 32-bit mix (multiply-xorshift finaliser): distinct inputs give distinct outputs.</summary>
    public static uint Mix(uint value)
    {
        unchecked
        {
            value ^= value >> 16;
            value *= 0x7FEB352D;
            value ^= value >> 15;
            value *= 0x846CA68B;
            value ^= value >> 16;
            return value;
        }
    }

    /// <summary>The high half of a bijective 64-bit mix (SplitMix64 finaliser) of (sequence, identifier).</summary>
    public static uint Mix(ulong sequence, uint identifier)
    {
        unchecked
        {
            ulong value = sequence ^ ((ulong)identifier << 32) ^ ((ulong)identifier >> 7);
            value ^= value >> 30;
            value *= 0xBF58476D1CE4E5B9;
            value ^= value >> 27;
            value *= 0x94D049BB133111EB;
            value ^= value >> 31;
            return (uint)(value >> 32);
        }
    }
}

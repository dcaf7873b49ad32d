// Issue 14 item 3: many PEs carry equal immutable values — the addresses of one host, the policy of one load level
// (RSPLIB's PEs report load as a share of their session limit, so a pool sees few distinct loads). Keeping one
// instance of each saves its bytes per PE. A bounded, direct-mapped cache rather than a reference-counted table:
// no bookkeeping on removal, a fixed size however many distinct values there are, and a value it lost is only shared
// less, never wrong (the values are immutable records).
namespace RSerPool.Actors.Handlespace;

/// <summary>Returns an earlier instance equal to the value given, when the cache still has one; 2-way, fixed size.</summary>
internal sealed class SharingCache<T>
    where T : IEquatable<T>
{
    private readonly T?[] _slots;
    private readonly int _mask;

    /// <param name="size">Number of slots, a power of two.</param>
    public SharingCache(int size)
    {
        if (size < 2 || (size & (size - 1)) != 0)
        {
            throw new ArgumentOutOfRangeException(nameof(size), size, "a power of two, at least 2");
        }

        _slots = new T?[size];
        _mask = size - 1;
    }

    /// <summary>The cached instance equal to <paramref name="value"/>, else <paramref name="value"/> (now cached).</summary>
    public T Share(T value)
    {
        int index = value.GetHashCode() & _mask;
        ref T? first = ref _slots[index];
        if (first is { } cached && cached.Equals(value))
        {
            return cached;
        }

        ref T? second = ref _slots[index ^ 1];
        if (second is { } other && other.Equals(value))
        {
            return other;
        }

        // Keep the newer value in the first slot and the one it displaces in the second.
        second = first;
        first = value;
        return value;
    }
}

// Immutable array with structural equality, used for every collection inside the wire records
// so that decode(encode(x)) == x holds with record equality (ImmutableArray compares by reference).
using System.Collections;
using System.Runtime.CompilerServices;
using System.Text;

namespace RSerPool.Wire;

/// <summary>
/// An immutable array that compares element by element. <c>default</c> is the empty array.
/// Build one with a collection expression (<c>ValueArray&lt;uint&gt; v = [1, 2];</c>) or <see cref="ValueArray.Create{T}(ReadOnlySpan{T})"/>.
/// </summary>
[CollectionBuilder(typeof(ValueArray), nameof(ValueArray.Create))]
public readonly struct ValueArray<T> : IEquatable<ValueArray<T>>, IReadOnlyList<T>
{
    private readonly T[]? _items;

    /// <summary>Wraps <paramref name="items"/> without copying; the caller must never change the array afterwards.</summary>
    internal ValueArray(T[] items) => _items = items;

    public static ValueArray<T> Empty => default;

    public int Count => _items?.Length ?? 0;

    public bool IsEmpty => Count == 0;

    public T this[int index] => (_items ?? [])[index];

    public ReadOnlySpan<T> AsSpan() => _items;

    public T[] ToArray() => AsSpan().ToArray();

    public Enumerator GetEnumerator() => new(_items);

    IEnumerator<T> IEnumerable<T>.GetEnumerator() => ((IEnumerable<T>)(_items ?? [])).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => (_items ?? []).GetEnumerator();

    public bool Equals(ValueArray<T> other)
    {
        ReadOnlySpan<T> left = AsSpan();
        ReadOnlySpan<T> right = other.AsSpan();
        if (left.Length != right.Length)
        {
            return false;
        }

        EqualityComparer<T> comparer = EqualityComparer<T>.Default;
        for (int i = 0; i < left.Length; i++)
        {
            if (!comparer.Equals(left[i], right[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override bool Equals(object? obj) => obj is ValueArray<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.Add(Count);
        foreach (T item in AsSpan())
        {
            hash.Add(item);
        }

        return hash.ToHashCode();
    }

    /// <summary>Byte arrays print as lowercase hex; other arrays as <c>[a, b, c]</c>.</summary>
    public override string ToString()
    {
        if (typeof(T) == typeof(byte))
        {
            return Convert.ToHexStringLower((byte[]?)(object?)_items ?? []);
        }

        var text = new StringBuilder("[");
        for (int i = 0; i < Count; i++)
        {
            if (i > 0)
            {
                text.Append(", ");
            }

            text.Append(_items![i]);
        }

        return text.Append(']').ToString();
    }

    public static bool operator ==(ValueArray<T> left, ValueArray<T> right) => left.Equals(right);

    public static bool operator !=(ValueArray<T> left, ValueArray<T> right) => !left.Equals(right);

    /// <summary>Allocation-free enumerator.</summary>
    public struct Enumerator
    {
        private readonly T[]? _items;
        private int _index;

        internal Enumerator(T[]? items)
        {
            _items = items;
            _index = -1;
        }

        public readonly T Current => _items![_index];

        public bool MoveNext() => _items is not null && ++_index < _items.Length;
    }
}

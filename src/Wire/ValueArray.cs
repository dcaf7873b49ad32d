// Factory for ValueArray<T> (target of collection expressions).
namespace RSerPool.Wire;

/// <summary>Creates <see cref="ValueArray{T}"/> instances; every factory copies its input.</summary>
public static class ValueArray
{
    public static ValueArray<T> Create<T>(ReadOnlySpan<T> items) =>
        items.IsEmpty ? default : new ValueArray<T>(items.ToArray());

    public static ValueArray<T> Create<T>(IEnumerable<T> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        T[] array = items.ToArray();
        return array.Length == 0 ? default : new ValueArray<T>(array);
    }

    /// <summary>Parses hex text (whitespace allowed) into bytes; convenient for tests and tools.</summary>
    public static ValueArray<byte> FromHex(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        return Create<byte>(Convert.FromHexString(string.Concat(hex.Where(c => !char.IsWhiteSpace(c)))));
    }

    /// <summary>Takes ownership of <paramref name="items"/> without copying.</summary>
    internal static ValueArray<T> Wrap<T>(T[] items) => items.Length == 0 ? default : new ValueArray<T>(items);
}

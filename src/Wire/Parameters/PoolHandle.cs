// Pool Handle parameter (RFC 5354 §3.9, docs/protocol-notes.md §4):
//  0                   1                   2                   3
// +-------------------------------+-------------------------------+
// |     Type = 0x0009             |       Length = 4 + n          |
// +-------------------------------+-------------------------------+
// |                  pool handle bytes (n >= 1) + padding         |
namespace RSerPool.Wire.Parameters;

/// <summary>
/// A pool's name: opaque bytes compared byte for byte (length included). <c>default</c> is the empty handle.
/// <see cref="ToString"/> prints the text when every byte is printable ASCII, else <c>0x</c> + hex.
/// </summary>
public readonly struct PoolHandle : IEquatable<PoolHandle>
{
    /// <summary>RSPLIB's MAX_POOLHANDLESIZE: never send a longer handle to an RSPLIB component (docs/protocol-notes.md §4).</summary>
    public const int RsplibMaxLength = 32;

    private readonly byte[]? _bytes;

    public PoolHandle(ReadOnlySpan<byte> bytes) => _bytes = bytes.IsEmpty ? null : bytes.ToArray();

    /// <summary>A handle from the UTF-8 bytes of <paramref name="text"/>.</summary>
    public static PoolHandle FromString(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return new PoolHandle(System.Text.Encoding.UTF8.GetBytes(text));
    }

    public ReadOnlySpan<byte> Span => _bytes;

    public int Length => _bytes?.Length ?? 0;

    public bool IsEmpty => Length == 0;

    public byte[] ToArray() => Span.ToArray();

    /// <summary>True when every byte is printable ASCII (0x20-0x7E).</summary>
    public bool IsPrintableAscii
    {
        get
        {
            foreach (byte b in Span)
            {
                if (b < 0x20 || b > 0x7E)
                {
                    return false;
                }
            }

            return !IsEmpty;
        }
    }

    public bool Equals(PoolHandle other) => Span.SequenceEqual(other.Span);

    public override bool Equals(object? obj) => obj is PoolHandle other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        hash.AddBytes(Span);
        return hash.ToHashCode();
    }

    public override string ToString() => IsPrintableAscii
        ? System.Text.Encoding.ASCII.GetString(Span)
        : "0x" + Convert.ToHexStringLower(Span);

    public static bool operator ==(PoolHandle left, PoolHandle right) => left.Equals(right);

    public static bool operator !=(PoolHandle left, PoolHandle right) => !left.Equals(right);
}

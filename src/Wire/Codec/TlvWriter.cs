// Writes messages and TLVs (RFC 5354 §2-§4, docs/protocol-notes.md §3). Lengths of nested parameters are backfilled when a
// parameter is closed. In measuring mode nothing is written, only the length is counted, so that
// GetEncodedLength and the real write can never disagree.
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;

namespace RSerPool.Wire.Codec;

internal ref struct TlvWriter
{
    private readonly Span<byte> _destination;
    private readonly bool _measuring;
    private int _position;

    private TlvWriter(Span<byte> destination, bool measuring)
    {
        _destination = destination;
        _measuring = measuring;
        _position = 0;
    }

    public readonly int Position => _position;

    public static TlvWriter ForMeasuring() => new(default, measuring: true);

    /// <summary>A writer into <paramref name="destination"/>, which must hold the measured length.</summary>
    public static TlvWriter ForWriting(Span<byte> destination) => new(destination, measuring: false);

    public void WriteByte(byte value)
    {
        if (!_measuring)
        {
            _destination[_position] = value;
        }

        _position += 1;
    }

    public void WriteUInt16(ushort value)
    {
        if (!_measuring)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_destination.Slice(_position, 2), value);
        }

        _position += 2;
    }

    public void WriteUInt32(uint value)
    {
        if (!_measuring)
        {
            BinaryPrimitives.WriteUInt32BigEndian(_destination.Slice(_position, 4), value);
        }

        _position += 4;
    }

    public void WriteBytes(ReadOnlySpan<byte> value)
    {
        if (!_measuring)
        {
            value.CopyTo(_destination.Slice(_position, value.Length));
        }

        _position += value.Length;
    }

    public void WriteAddressBytes(IPAddress address)
    {
        int size = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => 4,
            AddressFamily.InterNetworkV6 => 16,
            _ => 0,
        };
        if (size == 0)
        {
            ThrowHelper.ThrowUnsupportedAddress(address);
        }

        if (!_measuring && !address.TryWriteBytes(_destination.Slice(_position, size), out _))
        {
            ThrowHelper.ThrowUnsupportedAddress(address);
        }

        _position += size;
    }

    /// <summary>Writes the common header with a placeholder length; close with <see cref="EndMessage"/>.</summary>
    public int BeginMessage(byte type, byte flags)
    {
        int start = _position;
        WriteByte(type);
        WriteByte(flags);
        WriteUInt16(0);
        return start;
    }

    /// <summary>Backfills Message Length: everything written, including the last parameter's padding (docs/protocol-notes.md §3).</summary>
    public readonly void EndMessage(int start)
    {
        int length = _position - start;
        if (length > ushort.MaxValue)
        {
            ThrowHelper.ThrowMessageTooLong(length);
        }

        if (!_measuring)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_destination.Slice(start + 2, 2), (ushort)length);
        }
    }

    /// <summary>Writes a TLV header with a placeholder length; close with <see cref="EndParameter"/>.</summary>
    public int BeginParameter(ushort type)
    {
        int start = _position;
        WriteUInt16(type);
        WriteUInt16(0);
        return start;
    }

    /// <summary>Backfills Parameter Length (padding excluded) and writes the zero padding (RFC 5354 §3).</summary>
    public void EndParameter(int start)
    {
        int length = _position - start;
        if (length > ushort.MaxValue)
        {
            ThrowHelper.ThrowParameterTooLong(length);
        }

        if (!_measuring)
        {
            BinaryPrimitives.WriteUInt16BigEndian(_destination.Slice(start + 2, 2), (ushort)length);
        }

        int padding = (4 - (length & 3)) & 3;
        if (!_measuring && padding > 0)
        {
            _destination.Slice(_position, padding).Clear();
        }

        _position += padding;
    }
}

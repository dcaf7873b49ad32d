namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// Derives damaged inputs from valid messages: truncation, extension (with and without a matching Message
/// Length), bit flips, byte overwrites, corrupted TLV lengths and types, deleted or duplicated ranges, and the
/// parameter-tree mutations of <see cref="TreeMutator"/> (nesting, unknown parameters, lying lengths at any depth).
/// Every result is a fresh array of exactly the mutated size, so a decoder over-read cannot go unnoticed.
/// The byte-level choices come from a <see cref="Random"/> whose seed FsCheck draws for each case of the mutation
/// property (<see cref="MutationProperties"/>): a case is a function of its sources and that seed.
/// </summary>
public sealed class Mutator
{
    /// <summary>Byte-level kinds; the tree kinds of <see cref="TreeMutator"/> follow them.</summary>
    public const int ByteKindCount = 9;

    public const int KindCount = ByteKindCount + TreeMutator.KindCount;

    private static readonly byte[] InterestingBytes = [0x00, 0x01, 0x03, 0x04, 0x7f, 0x80, 0xc0, 0xfe, 0xff];

    private readonly Random _random;
    private readonly TreeMutator _tree;

    public Mutator(Random random)
    {
        _random = random;
        _tree = new TreeMutator(random);
    }

    public static string KindName(int kind) => kind switch
    {
        0 => "truncate",
        1 => "append bytes",
        2 => "append bytes and fix Message Length",
        3 => "flip bits",
        4 => "overwrite bytes",
        5 => "corrupt a length field",
        6 => "corrupt a parameter type",
        7 => "delete a range",
        8 => "duplicate a range",
        _ => TreeMutator.KindName(kind - ByteKindCount),
    };

    public byte[] Mutate(byte[] source, int kind) => kind switch
    {
        0 => source[.._random.Next(source.Length)],
        1 => [.. source, .. RandomBytes(_random.Next(1, 9))],
        2 => WithLength([.. source, .. RandomBytes(4 * _random.Next(1, 5))]),
        3 => FlipBits(source),
        4 => Overwrite(source),
        5 => CorruptLength(source),
        6 => CorruptType(source),
        7 => DeleteRange(source),
        8 => DuplicateRange(source),
        _ => _tree.Mutate(source, kind - ByteKindCount) ?? FlipBits(source), // no parameter tree left: flip bits
    };

    private byte[] RandomBytes(int count)
    {
        byte[] bytes = new byte[count];
        if (_random.Next(2) == 0)
        {
            _random.NextBytes(bytes);
        }

        return bytes;
    }

    private static byte[] WithLength(byte[] bytes)
    {
        if (bytes.Length >= 4 && bytes.Length <= 0xFFFF)
        {
            bytes[2] = (byte)(bytes.Length >> 8);
            bytes[3] = (byte)bytes.Length;
        }

        return bytes;
    }

    private byte[] FlipBits(byte[] source)
    {
        byte[] bytes = (byte[])source.Clone();
        for (int flips = _random.Next(1, 5); flips > 0; flips--)
        {
            bytes[_random.Next(bytes.Length)] ^= (byte)(1 << _random.Next(8));
        }

        return bytes;
    }

    private byte[] Overwrite(byte[] source)
    {
        byte[] bytes = (byte[])source.Clone();
        for (int count = _random.Next(1, 4); count > 0; count--)
        {
            bytes[_random.Next(bytes.Length)] = _random.Next(2) == 0
                ? InterestingBytes[_random.Next(InterestingBytes.Length)]
                : (byte)_random.Next(256);
        }

        return bytes;
    }

    // TLV headers start on 4-byte boundaries; bytes 2-3 of such a word are a length (or the Message Length).
    private byte[] CorruptLength(byte[] source)
    {
        byte[] bytes = (byte[])source.Clone();
        int word = 4 * _random.Next(bytes.Length / 4);
        int value = _random.Next(4) switch
        {
            0 => _random.Next(0, 4),
            1 => _random.Next(0x10000),
            2 => ((bytes[word + 2] << 8) | bytes[word + 3]) + _random.Next(-5, 6),
            _ => bytes.Length - word + _random.Next(-5, 6),
        };
        bytes[word + 2] = (byte)(value >> 8);
        bytes[word + 3] = (byte)value;
        return bytes;
    }

    private byte[] CorruptType(byte[] source)
    {
        byte[] bytes = (byte[])source.Clone();
        int word = 4 * (1 + _random.Next(Math.Max(1, (bytes.Length / 4) - 1)));
        if (word + 1 >= bytes.Length)
        {
            word = 0;
        }

        ushort type = _random.Next(3) switch
        {
            0 => (ushort)((_random.Next(4) << 14) | (bytes[word] << 8 & 0x3F00) | bytes[word + 1]), // same type, other action bits
            1 => (ushort)((_random.Next(4) << 14) | _random.Next(0x10, 0x3FFF)),                   // unknown type
            _ => (ushort)_random.Next(1, 0x10),                                                       // another known type
        };
        bytes[word] = (byte)(type >> 8);
        bytes[word + 1] = (byte)type;
        return bytes;
    }

    private byte[] DeleteRange(byte[] source)
    {
        int start = _random.Next(source.Length);
        int count = _random.Next(1, Math.Min(16, source.Length - start) + 1);
        byte[] bytes = [.. source[..start], .. source[(start + count)..]];
        return _random.Next(2) == 0 ? WithLength(bytes) : bytes;
    }

    private byte[] DuplicateRange(byte[] source)
    {
        int start = _random.Next(source.Length);
        int count = _random.Next(1, Math.Min(32, source.Length - start) + 1);
        byte[] bytes = [.. source[..(start + count)], .. source[start..]];
        return _random.Next(2) == 0 ? WithLength(bytes) : bytes;
    }
}

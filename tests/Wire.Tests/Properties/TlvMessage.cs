using System.Buffers.Binary;

namespace RSerPool.Wire.Tests.Properties;

/// <summary>
/// A valid ASAP or ENRP message taken apart into its header, fixed fields and parameter tree (<see cref="TlvNode"/>),
/// so <see cref="TreeMutator"/> can damage the nesting and write the message out again with consistent outer lengths.
/// The protocol is not needed: the fixed part is the shortest of 0-12 bytes after the header behind which the rest
/// parses as parameters (ENRP has 8 or 12 bytes, ASAP 0 or 4).
/// </summary>
public sealed class TlvMessage
{
    // Fixed fields of the parameters that contain others (RFC 5354 §3.3-§3.12): DCCP 8, other transports 4,
    // Pool Element 12, Server Information 4, Operation Error 0 (its causes are taken as leaves).
    private const ushort OperationError = 0x000C;

    private TlvMessage(byte type, byte flags, byte[] fixedPart, List<TlvNode> parameters)
    {
        MessageType = type;
        Flags = flags;
        Fixed = fixedPart;
        Parameters = parameters;
    }

    public byte MessageType { get; set; }

    public byte Flags { get; set; }

    public byte[] Fixed { get; set; }

    public List<TlvNode> Parameters { get; }

    /// <summary>The tree of <paramref name="bytes"/>, or null when no split into fixed part and parameters fits.</summary>
    public static TlvMessage? Parse(byte[] bytes)
    {
        if (bytes.Length < 4)
        {
            return null;
        }

        int end = Math.Min(bytes.Length, Math.Max(4, (BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(2)) + 3) & ~3));
        for (int fixedLength = 0; fixedLength <= 12 && 4 + fixedLength <= end; fixedLength += 4)
        {
            if (ParseRegion(bytes, 4 + fixedLength, end, leavesOnly: false, depth: 1) is { } parameters)
            {
                return new TlvMessage(bytes[0], bytes[1], bytes[4..(4 + fixedLength)], parameters);
            }
        }

        return null;
    }

    /// <summary>Every parameter at every depth, with the list that holds it.</summary>
    public List<(TlvNode Node, List<TlvNode> Siblings)> AllNodes()
    {
        var nodes = new List<(TlvNode, List<TlvNode>)>();
        Collect(Parameters);
        return nodes;

        void Collect(List<TlvNode> list)
        {
            foreach (TlvNode node in list)
            {
                nodes.Add((node, list));
                if (node.Children is not null)
                {
                    Collect(node.Children);
                }
            }
        }
    }

    /// <summary>The parameter lists a parameter can be put into: the message's own and every container's.</summary>
    public List<List<TlvNode>> AllLists() =>
        [Parameters, .. AllNodes().Where(entry => entry.Node.Children is not null).Select(entry => entry.Node.Children!)];

    /// <summary>The message with every length computed again (Message Length = the written size).</summary>
    public byte[] ToBytes()
    {
        var output = new List<byte>(256) { MessageType, Flags, 0, 0 };
        output.AddRange(Fixed);
        foreach (TlvNode parameter in Parameters)
        {
            parameter.WriteTo(output);
        }

        output[2] = (byte)(output.Count >> 8);
        output[3] = (byte)output.Count;
        return [.. output];
    }

    private static List<TlvNode>? ParseRegion(byte[] bytes, int start, int end, bool leavesOnly, int depth)
    {
        var nodes = new List<TlvNode>();
        int position = start;
        while (position < end)
        {
            if (end - position < 4 || depth > 16)
            {
                return null;
            }

            ushort type = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(position));
            int length = BinaryPrimitives.ReadUInt16BigEndian(bytes.AsSpan(position + 2));
            int padded = (length + 3) & ~3;
            if (length < 4 || padded > end - position)
            {
                return null;
            }

            int valueStart = position + 4;
            int valueEnd = position + length;
            int fixedLength = leavesOnly ? -1 : FixedLengthOf(type);
            List<TlvNode>? children = fixedLength >= 0 && valueStart + fixedLength <= valueEnd
                ? ParseRegion(bytes, valueStart + fixedLength, valueEnd, leavesOnly: (type & 0x3FFF) == OperationError, depth + 1)
                : null;
            nodes.Add(children is null
                ? TlvNode.Leaf(type, bytes[valueStart..valueEnd])
                : TlvNode.Container(type, bytes[valueStart..(valueStart + fixedLength)], children));
            position += padded;
        }

        return nodes;
    }

    private static int FixedLengthOf(ushort type) => (type & 0x3FFF) switch
    {
        0x0003 => 8,
        0x0004 or 0x0005 or 0x0006 or 0x0007 => 4,
        0x000A => 12,
        0x000B => 4,
        OperationError => 0,
        _ => -1,
    };
}
